/**
 * A prefixed edition's section, author and live-story feeds (docs/decisions/0029-language-editions.md): only the
 * edition's articles, under its section names and URLs, in its language; the default edition's feeds as before.
 */
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it, vi } from "vitest";
import { readFeedArticles } from "@/lib/data/distribution";
import { feedResponse, liveFeedHandler, scopedFeedHandler } from "@/lib/feeds/routes";
import { getPublicSiteUrl } from "@/lib/feeds/site-url";
import { makeLiveStory, makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ["item", "entry"].includes(name) });

/** A section with a Spanish name and slug, an English and a Spanish article in it by one author. */
async function translatedSection() {
  const edition = await makeSpanishEdition();
  const author = await makeUser("JOURNALIST");
  const section = await makeSection();
  const local = { name: `Economía ${uid()}`, slug: `economia-${uid()}` };
  await rawDb().sectionTranslation.create({ data: { sectionId: section.id, editionId: "es", ...local } });
  const english = await makeSearchableArticle(author, { sectionId: section.id, headline: `Rates rise ${uid()}` });
  const spanish = await makeSearchableArticle(author, { sectionId: section.id, edition, headline: `Suben las tasas ${uid()}` });
  return { author, section, local, english, spanish };
}

const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });

describe("an edition's feeds", () => {
  it("reads a section's and an author's feed of one edition only", async () => {
    const { author, section, english, spanish } = await translatedSection();
    expect((await readFeedArticles({ kind: "section", slug: section.slug, editionId: "es" })).map((a) => a.id)).toEqual([spanish.id]);
    expect((await readFeedArticles({ kind: "section", slug: section.slug, editionId: "en" })).map((a) => a.id)).toEqual([english.id]);
    expect((await readFeedArticles({ kind: "author", slug: author.slug, editionId: "es" })).map((a) => a.id)).toEqual([spanish.id]);
  });

  it("serves a Spanish section feed under the section's Spanish name and URL, in Spanish, without the English story", async () => {
    const { section, local, spanish } = await translatedSection();
    const site = getPublicSiteUrl();
    const response = await scopedFeedHandler("rss", "section", "es")(new Request(`${site}/es/${local.slug}/feed.xml`), params({ section: local.slug }));
    expect(response.status).toBe(200);
    const rss = xml.parse(await response.text()).rss.channel;
    expect(rss.language).toBe("es-MX");
    expect(rss.title.startsWith(`${local.name} · `), rss.title).toBe(true);
    expect(rss.description).toContain(`Lo último de ${local.name}`);
    expect(rss.item.map((i: { link: string }) => i.link)).toEqual([`${site}/es/${local.slug}/${spanish.slug}`]);
    expect(rss.item[0].category["#text"]).toBe(local.name);

    const atom = xml.parse(await (await feedResponse("atom", { kind: "section", slug: local.slug }, "es")).text()).feed;
    expect(atom["@_xml:lang"]).toBe("es-MX");
    const json = await (await feedResponse("json", { kind: "section", slug: section.slug }, "es")).json();
    expect(json.language, "the default slug answers too, under the Spanish URL").toBe("es-MX");
    expect(json.feed_url).toBe(`${site}/es/${local.slug}/feed.json`);

    expect((await feedResponse("rss", { kind: "section", slug: local.slug })).status, "no Spanish slug in the default edition").toBe(404);
    const english = xml.parse(await (await feedResponse("rss", { kind: "section", slug: section.slug })).text()).rss.channel;
    expect(english.language).not.toBe("es-MX");
    expect(english.description).toBe(`The latest ${section.name} articles from ${english.title.split(" · ").pop()}.`);
  });

  it("serves an author's Spanish feed, and a Spanish live story's entries only at its Spanish URL", async () => {
    const { author, spanish } = await translatedSection();
    const json = await (await scopedFeedHandler("json", "author", "es")(new Request("http://x"), params({ slug: author.slug }))).json();
    expect(json.items.map((i: { url: string }) => i.url)).toEqual([`${getPublicSiteUrl()}${(await spanishPath(spanish.id))}`]);
    expect(json.description).toContain(`Artículos de ${author.name}`);

    const story = await makeLiveStory(author);
    const { slug, section } = await rawDb().article.update({ where: { id: story.article.id }, data: { editionId: "es", searchConfig: "spanish" }, select: { slug: true, section: { select: { slug: true } } } });
    const live = await liveFeedHandler("rss", "es")(new Request("http://x"), params({ section: section.slug, slug }));
    expect(live.status).toBe(200);
    const channel = xml.parse(await live.text()).rss.channel;
    expect(channel.title).toMatch(/^EN VIVO: /);
    expect(channel.language).toBe("es-MX");
    expect((await liveFeedHandler("rss")(new Request("http://x"), params({ section: section.slug, slug }))).status, "not in the English edition").toBe(404);
  });
});

async function spanishPath(articleId: string) {
  const row = await rawDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, section: { select: { translations: { where: { editionId: "es" }, select: { slug: true } } } } } });
  return `/es/${row.section.translations[0]!.slug}/${row.slug}`;
}
