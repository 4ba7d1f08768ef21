/**
 * A section's or tag's translated slug that changes (or goes with its translation) keeps answering in its edition:
 * the old Spanish address leads (308) to the current one (decisions 0029, 0033), for the section's page, its
 * articles and its feeds, and for the tag's page. A slug taken again stops redirecting. A new default slug (a rename
 * or a merge) reaches the edition's names and its redirects too. A Spanish story whose slug changes or that moves to
 * another section leads from its old address to its current one in the edition, as a default-edition story does.
 */
import { describe, expect, it, vi } from "vitest";
import { CacheTags } from "@/lib/data/cache";
import { getEditionNames, resolveEditionSlug } from "@/lib/data/editions";
import { updateSection } from "@/lib/data/sections";
import { mergeTags, renameTag } from "@/lib/data/tags";
import { removeSectionTranslation, removeTagTranslation, saveSectionTranslation, saveTagTranslation } from "@/lib/data/name-translations";
import { feedResponse } from "@/lib/feeds/routes";
import { saveArticle } from "@/lib/data/articles/editor";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";
import { saveInput } from "../support/article-saves";
import { articleAnswer as answer } from "../support/article-route";
import { recordExpiries } from "../support/cache-tags";
import { makeSpanishEdition } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

describe("a renamed translated section slug", () => {
  it("leads from each former slug to the current one, until a slug is taken again; removed, to the default slug", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const section = await makeSection();
    const [first, second] = [`vieja-${uid()}`, `nueva-${uid()}`];
    const resolve = (slug: string) => resolveEditionSlug("es", "SECTION", slug);

    await saveSectionTranslation(admin, section.id, "es", { name: `Vieja ${uid()}`, slug: first, description: "" });
    expect(await resolve(first), "a current slug is no redirect").toBeNull();
    await saveSectionTranslation(admin, section.id, "es", { name: `Nueva ${uid()}`, slug: second, description: "" });
    expect(await resolve(first)).toBe(second);
    expect(await resolveEditionSlug("en", "SECTION", first), "only in its own edition").toBeNull();

    const feed = await feedResponse("atom", { kind: "section", slug: first }, "es");
    expect({ status: feed.status, location: feed.headers.get("location") }).toEqual({ status: 308, location: `/es/${second}/atom.xml` });
    expect((await feedResponse("rss", { kind: "section", slug: `nunca-${uid()}` }, "es")).status).toBe(404);

    // Back to the first slug: it is the section's again, and the second one leads there.
    await saveSectionTranslation(admin, section.id, "es", { name: `Vieja ${uid()}`, slug: first, description: "" });
    expect(await resolve(first)).toBeNull();
    expect(await resolve(second)).toBe(first);

    await removeSectionTranslation(admin, section.id, "es");
    expect([await resolve(first), await resolve(second)]).toEqual([section.slug, section.slug]);
  });
});

describe("a renamed translated tag slug", () => {
  it("leads to the tag's current slug in the edition", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const tag = await rawDb().tag.create({ data: { name: `Tag ${uid()}`, slug: `tag-${uid()}` } });
    const [first, second] = [`etiqueta-${uid()}`, `marca-${uid()}`];
    await saveTagTranslation(admin, tag.id, "es", { name: `Etiqueta ${uid()}`, slug: first });
    await saveTagTranslation(admin, tag.id, "es", { name: `Marca ${uid()}`, slug: second });
    expect(await resolveEditionSlug("es", "TAG", first)).toBe(second);
    expect(await resolveEditionSlug("es", "SECTION", first), "a tag's slug is no section's").toBeNull();
    await removeTagTranslation(admin, tag.id, "es");
    expect(await resolveEditionSlug("es", "TAG", second)).toBe(tag.slug);
  });
});

/**
 * An edition keys its names by the default slug, so a new default slug (a rename, or a merge into another tag) must
 * reach the edition's pages too; and its old address there leads on, as it does in the default edition.
 */
describe("a section or tag whose default slug changes", () => {
  const makeTag = () => rawDb().tag.create({ data: { name: `Tag ${uid()}`, slug: `tag-${uid()}` } });

  it("a renamed tag: the edition's names follow it, and its old default slug leads to its slug in the edition", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const [translated, untranslated] = [await makeTag(), await makeTag()];
    const spanish = `etiqueta-${uid()}`;
    await saveTagTranslation(admin, translated.id, "es", { name: `Etiqueta ${uid()}`, slug: spanish });
    const expiries = await recordExpiries();
    try {
      const renamed = `renamed-${uid()}`;
      await renameTag(admin, translated.id, { name: translated.name, slug: renamed });
      expect(await expiries.expiredWith(CacheTags.tag(renamed))).toEqual(expect.arrayContaining([CacheTags.editionNames("es"), CacheTags.tag(translated.slug)]));
      expect((await getEditionNames("es")).tags[renamed]).toMatchObject({ slug: spanish });
      expect(await resolveEditionSlug("es", "TAG", translated.slug), "the old default slug, in Spanish").toBe(spanish);

      const plain = `plain-${uid()}`;
      await renameTag(admin, untranslated.id, { name: untranslated.name, slug: plain });
      expect(await expiries.expiredWith(CacheTags.tag(plain)), "no edition names it: nothing of theirs to expire").not.toContain(CacheTags.editionNames("es"));
      expect(await resolveEditionSlug("es", "TAG", untranslated.slug)).toBe(plain);
      expect(await resolveEditionSlug("es", "TAG", plain), "a current slug is no redirect").toBeNull();
    } finally {
      await expiries.close();
    }
  });

  it("a renamed section: the edition's names follow it, and its articles' old Spanish addresses lead on", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const section = await makeSection();
    const spanish = `seccion-${uid()}`;
    await saveSectionTranslation(admin, section.id, "es", { name: `Sección ${uid()}`, slug: spanish, description: "" });
    const expiries = await recordExpiries();
    try {
      const renamed = `renamed-${uid()}`;
      await updateSection(admin, section.id, { name: section.name, slug: renamed, description: section.description });
      expect(await expiries.expiredWith(CacheTags.section(renamed))).toContain(CacheTags.editionNames("es"));
      expect((await getEditionNames("es")).sectionBySlug[spanish]).toBe(renamed);
      expect(await resolveEditionSlug("es", "SECTION", section.slug)).toBe(spanish);
    } finally {
      await expiries.close();
    }
  });

  it("a merged tag: its Spanish slug and its own redirects there lead to the tag it went into", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const [source, target] = [await makeTag(), await makeTag()];
    const [older, current] = [`vieja-${uid()}`, `actual-${uid()}`];
    await saveTagTranslation(admin, source.id, "es", { name: `Vieja ${uid()}`, slug: older });
    await saveTagTranslation(admin, source.id, "es", { name: `Actual ${uid()}`, slug: current });
    const expiries = await recordExpiries();
    try {
      await mergeTags(admin, source.id, target.id);
      expect(await expiries.expiredWith(CacheTags.tag(source.slug))).toContain(CacheTags.editionNames("es"));
      expect([await resolveEditionSlug("es", "TAG", current), await resolveEditionSlug("es", "TAG", older), await resolveEditionSlug("es", "TAG", source.slug)]).toEqual([
        target.slug,
        target.slug,
        target.slug,
      ]);
    } finally {
      await expiries.close();
    }
  });
});

/** A published story of the Spanish edition. */
async function spanishStory(editor: Awaited<ReturnType<typeof makeUser>>) {
  await makeSpanishEdition();
  const article = await makeArticle(editor, { status: "PUBLISHED" });
  await rawDb().article.update({ where: { id: article.id }, data: { editionId: "es", searchConfig: "spanish" } });
  return article;
}

describe("a published story whose address the desk changes", () => {
  it("default edition: the old slug leads to the new one (control)", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    expect(await answer(null, article.section.slug, article.slug)).toBe("200");
    const renamed = `renamed-${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { slug: renamed }));
    expect(await answer(null, article.section.slug, article.slug)).toBe(`308 /${article.section.slug}/${renamed}`);
  });

  it("Spanish edition: the old slug leads to the new one under /es/, and not from the default edition", async () => {
    const editor = await makeUser("EDITOR");
    const article = await spanishStory(editor);
    expect(await answer("es", article.section.slug, article.slug)).toBe("200");
    const renamed = `renombrado-${uid()}`;
    await saveArticle(editor, await saveInput(editor, article.id, { slug: renamed }));
    expect(await answer("es", article.section.slug, renamed)).toBe("200");
    // Links already out (newsletters, shares, search engines) to the story's first address:
    expect(await answer("es", article.section.slug, article.slug)).toBe(`308 /es/${article.section.slug}/${renamed}`);
    expect(await answer(null, article.section.slug, article.slug), "the story is not the default edition's").toBe("404");
  });

  it("Spanish edition: a story moved to another section leads there, in the edition's own section slug", async () => {
    const editor = await makeUser("EDITOR");
    const admin = await makeUser("ADMIN");
    const article = await spanishStory(editor);
    const other = await makeSection();
    const spanish = `otra-${uid()}`;
    await saveSectionTranslation(admin, other.id, "es", { name: `Otra ${uid()}`, slug: spanish, description: "" });
    await saveArticle(editor, await saveInput(editor, article.id, { sectionId: other.id }));
    expect(await answer("es", spanish, article.slug)).toBe("200");
    expect(await answer("es", article.section.slug, article.slug)).toBe(`308 /es/${spanish}/${article.slug}`);
  });
});
