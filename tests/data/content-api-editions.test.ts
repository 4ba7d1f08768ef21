/**
 * The Content API in every language edition (decision 0029): each article's language, URLs and names are its
 * edition's; `?language=` keeps one edition in lists, taxonomy and search (with that edition's stemming); an
 * unknown edition is a 400 problem+json that lists the site's editions; translations link to each other, in
 * Dateline's JSON and as ninjs associations that IPTC's schema accepts.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getArticle, getArticleByPath, listArticles, listAuthorsEndpoint, listSectionsEndpoint, listTagsEndpoint, searchEndpoint } from "@/lib/api/endpoints";
import { answerKey } from "@/lib/api/answer-cache";
import { openApiDocument } from "@/lib/api/openapi";
import { createApiKey } from "@/lib/data/api/keys";
import { getSiteSettings } from "@/lib/data/settings";
import { createSchemaAjv, describeErrors, NINJS_SCHEMA_ID, openApiValidators } from "../support/api-schemas";
import { makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition, uniqueWord } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

type Endpoint = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const SITE = "http://localhost:3000";
const ajv = createSchemaAjv();
const ninjs = ajv.getSchema(NINJS_SCHEMA_ID)!;
const schema = openApiValidators(ajv, openApiDocument(SITE));

let key: string;
let word: string;
let section: { id: string; slug: string; name: string };
let tagSlug: string;
let english: { id: string; slug: string };
let spanish: { id: string; slug: string };
let onlySpanish: { id: string; slug: string };

async function call(endpoint: unknown, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const response = await (endpoint as Endpoint)(new Request(`${SITE}${path}`, { headers: { authorization: `Bearer ${key}`, ...headers } }), { params: Promise.resolve(params) });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

function expectSchema(name: string, body: unknown) {
  const validate = schema(name);
  expect(validate(body), `${name}: ${describeErrors(validate)}`).toBe(true);
}

beforeAll(async () => {
  const edition = await makeSpanishEdition();
  const author = await makeUser("JOURNALIST");
  const admin = await makeUser("ADMIN");
  word = uniqueWord();
  section = await makeSection();
  await rawDb().sectionTranslation.create({ data: { sectionId: section.id, editionId: "es", name: `Economía ${section.id}`, slug: `economia-${section.id}` } });
  const tag = await rawDb().tag.create({ data: { name: `Money ${word}`, slug: `money-${word}` } });
  tagSlug = tag.slug;
  await rawDb().tagTranslation.create({ data: { tagId: tag.id, editionId: "es", name: `Dinero ${word}`, slug: `dinero-${word}` } });
  english = await makeSearchableArticle(author, { sectionId: section.id, headline: `Investment ${word} reaches the city` });
  spanish = await makeSearchableArticle(author, { sectionId: section.id, edition, headline: `Llega una inversión ${word} a la ciudad` });
  onlySpanish = await makeSearchableArticle(author, { sectionId: section.id, edition, headline: `Sólo en español ${word}` });
  await rawDb().article.update({ where: { id: english.id }, data: { translationGroupId: english.id } });
  await rawDb().article.update({ where: { id: spanish.id }, data: { translationGroupId: english.id, translationSourceId: english.id } });
  for (const article of [english, spanish]) await rawDb().articleTag.create({ data: { articleId: article.id, tagId: tag.id, position: 0 } });
  ({ key } = await createApiKey(admin, { name: `Editions ${uid()}`, scopes: ["articles", "taxonomy", "search"], rateLimit: 10_000 }));
});

describe("lists per edition", () => {
  it("keeps one edition with ?language=, every edition without it, each item in its own edition's language, URL and names", async () => {
    const ids = async (query: string) => (await call(listArticles, `/api/v1/articles?section=${section.slug}${query}`)).body.items.map((i: { id: string }) => i.id).sort();
    expect(await ids("&language=es")).toEqual([spanish.id, onlySpanish.id].sort());
    expect(await ids("&language=en")).toEqual([english.id]);
    expect(await ids(""), "no parameter: every edition, as before").toEqual([english.id, spanish.id, onlySpanish.id].sort());
    // The edition's own section slug filters as the default one does.
    expect((await call(listArticles, `/api/v1/articles?section=economia-${section.id}&language=es`)).body.items).toHaveLength(2);

    const page = await call(listArticles, `/api/v1/articles?section=${section.slug}`);
    expectSchema("ArticlePage", page.body);
    const item = page.body.items.find((i: { id: string }) => i.id === spanish.id);
    expect(item).toMatchObject({
      language: "es",
      url: `${SITE}/es/economia-${section.id}/${spanish.slug}`,
      section: { name: `Economía ${section.id}`, slug: `economia-${section.id}` },
      tags: [{ name: `Dinero ${word}`, slug: `dinero-${word}` }],
      translations: [{ language: "en", url: `${SITE}/${section.slug}/${english.slug}`, apiUrl: `${SITE}/api/v1/articles/${english.id}` }],
    });
    expect(item.authors[0].url).toMatch(/^http:\/\/localhost:3000\/es\/author\//);
    const source = page.body.items.find((i: { id: string }) => i.id === english.id);
    expect(source).toMatchObject({ language: "en", url: `${SITE}/${section.slug}/${english.slug}`, section: { name: section.name } });
    expect(source.translations.map((t: { language: string; url: string }) => [t.language, t.url])).toEqual([["es", `${SITE}/es/economia-${section.id}/${spanish.slug}`]]);
    expect(page.body.items.find((i: { id: string }) => i.id === onlySpanish.id).translations).toEqual([]);
  });

  it("finds an article by its edition's URL, and describes it in Dateline JSON with its translations", async () => {
    const byPath = await call(getArticleByPath, "/", { ref: `economia-${section.id}`, slug: spanish.slug });
    expect(byPath.status).toBe(200);
    expectSchema("Article", byPath.body);
    expect(byPath.body).toMatchObject({ id: spanish.id, language: "es", translations: [{ language: "en", headline: `Investment ${word} reaches the city` }] });
  });

  it("answers an unknown edition with a 400 problem that names the parameter and the site's editions, on every endpoint", async () => {
    for (const [endpoint, path] of [
      [listArticles, "/api/v1/articles?language=fr"],
      [listSectionsEndpoint, "/api/v1/sections?language=fr"],
      [listTagsEndpoint, "/api/v1/tags?language=fr"],
      [listAuthorsEndpoint, "/api/v1/authors?language=fr"],
      [searchEndpoint, `/api/v1/search?q=${word}&language=fr`],
    ] as const) {
      const answer = await call(endpoint, path);
      expect(answer.status, path).toBe(400);
      expect(answer.type).toBe("application/problem+json");
      expectSchema("Problem", answer.body);
      expect(answer.body.errors).toEqual([{ parameter: "language", detail: expect.stringMatching(/no "fr" edition.*en \(English\).*es \(Español\)/) }]);
    }
    const malformed = await call(listArticles, "/api/v1/articles?language=Spanish!");
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toMatchObject({ parameter: "language", detail: expect.stringMatching(/code, such as en or es/) });
  });

  it("keeps answers apart by language: the answer cache's key includes the parameter", () => {
    const plain = answerKey(new URL(`${SITE}/api/v1/articles`), null, "application/ninjs+json");
    const es = answerKey(new URL(`${SITE}/api/v1/articles?language=es`), null, "application/ninjs+json");
    expect(es).not.toBe(plain);
    expect(es).toContain("language=es");
  });
});

describe("ninjs per edition", () => {
  it("gives each item its edition's language and URLs, and its translations as alternates that IPTC's schema accepts", async () => {
    const settings = await getSiteSettings();
    const es = await call(getArticle, `/api/v1/articles/${spanish.id}?format=ninjs`, { ref: spanish.id });
    expect(ninjs(es.body), describeErrors(ninjs)).toBe(true);
    expect(es.body).toMatchObject({ language: "es", uri: `${SITE}/es/economia-${section.id}/${spanish.slug}` });
    expect(es.body.subjects).toEqual(
      expect.arrayContaining([
        { name: `Economía ${section.id}`, rel: "section", uri: `${SITE}/es/economia-${section.id}` },
        { name: `Dinero ${word}`, rel: "tag", uri: `${SITE}/es/tag/dinero-${word}` },
      ]),
    );
    expect(es.body.associations).toEqual([
      { name: "translation-en", rel: "alternate", type: "text", language: "en", uri: `${SITE}/${section.slug}/${english.slug}`, headlines: [{ role: "main", value: `Investment ${word} reaches the city` }] },
    ]);

    const en = await call(getArticle, `/api/v1/articles/${english.id}?format=ninjs`, { ref: english.id });
    expect(ninjs(en.body), describeErrors(ninjs)).toBe(true);
    expect(en.body.language, "the default edition keeps the site's locale, as before").toBe(settings.locale);
    expect(en.body.associations).toEqual([expect.objectContaining({ rel: "alternate", language: "es", uri: `${SITE}/es/economia-${section.id}/${spanish.slug}` })]);

    const list = await call(listArticles, `/api/v1/articles?language=es&section=${section.slug}&format=ninjs`);
    expect(list.body.items.map((i: { language: string }) => i.language)).toEqual(["es", "es"]);
    for (const item of list.body.items) expect(ninjs(item), describeErrors(ninjs)).toBe(true);
  });
});

describe("taxonomy and search per edition", () => {
  it("names sections and tags in the edition, with its URLs", async () => {
    const sections = await call(listSectionsEndpoint, "/api/v1/sections?language=es");
    expectSchema("SectionList", sections.body);
    expect(sections.body.items).toContainEqual(expect.objectContaining({ name: `Economía ${section.id}`, slug: `economia-${section.id}`, url: `${SITE}/es/economia-${section.id}` }));
    expect((await call(listSectionsEndpoint, "/api/v1/sections")).body.items).toContainEqual(expect.objectContaining({ name: section.name, url: `${SITE}/${section.slug}` }));

    const all = async (path: string) => {
      const items: { slug: string; name: string; url: string }[] = [];
      for (let next: string | null = path; next; ) {
        const page: { body: { items: typeof items; links: { next: string | null } } } = await call(listTagsEndpoint, next);
        items.push(...page.body.items);
        next = page.body.links.next?.slice(SITE.length) ?? null;
      }
      return items;
    };
    expect(await all("/api/v1/tags?language=es&limit=100")).toContainEqual({ name: `Dinero ${word}`, slug: `dinero-${word}`, url: `${SITE}/es/tag/dinero-${word}` });
    expect(await all("/api/v1/tags?limit=100")).toContainEqual({ name: `Money ${word}`, slug: tagSlug, url: `${SITE}/tag/${tagSlug}` });
  });

  it("searches the named edition with its stemming, and the default edition without the parameter", async () => {
    const es = await call(searchEndpoint, `/api/v1/search?q=${word}+inversiones&language=es`);
    expectSchema("SearchResults", es.body);
    expect(es.body.language).toBe("es");
    expect(es.body.items.map((i: { id: string }) => i.id)).toEqual([spanish.id]);
    expect(es.body.items[0]).toMatchObject({ language: "es", url: `${SITE}/es/economia-${section.id}/${spanish.slug}`, section: { name: `Economía ${section.id}` } });
    const fallback = await call(searchEndpoint, `/api/v1/search?q=${word}`);
    expect(fallback.body.items.map((i: { id: string }) => i.id), "English results never in Spanish, nor the other way").toEqual([english.id]);
    expect((await call(searchEndpoint, `/api/v1/search?q=${word}&language=es`)).body.items.map((i: { id: string }) => i.id).sort()).toEqual([spanish.id, onlySpanish.id].sort());
  });
});
