/**
 * Language editions administered (docs/decisions/0033-editions-admin.md): adding one in a shipped language, its
 * settings (the search configuration rewritten on its articles), readers' access (closed: no pages, alternates or
 * sitemap entries), deleting an empty one, the default left alone, and "New article" in a chosen edition.
 *
 * Tests share one database with the suites that use the seeded-like "es" edition, so these work on editions of
 * their own in private-use language codes (qaa…qtz), removed after each test; "qaa" is added to the languages the
 * code ships for this file only, as a catalog and a route folder would add it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDraftArticle } from "@/lib/data/articles/editor";
import { readNewsSitemapArticles, readSitemapOverview } from "@/lib/data/distribution";
import { createEdition, deleteEdition, listAddableLanguages, listEditionChoices, listEditionsForAdmin, setEditionPublic, updateEdition } from "@/lib/data/editions-staff";
import { getPrefixedEdition } from "@/lib/data/editions";
import { ForbiddenError } from "@/lib/data/errors";
import { searchPublishedArticles } from "@/lib/data/search";
import { articleAlternates, homeAlternates } from "@/lib/i18n/alternates";
import { loadEdition } from "@/lib/i18n/edition";
import { NewEditionSchema } from "@/lib/validation/editions";
import { makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition, uniqueWord } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/lib/i18n/languages", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/i18n/languages")>();
  return { ...actual, EDITION_LANGUAGES: [...actual.EDITION_LANGUAGES, "qaa"] };
});

const TEST_CODES = ["qaa", "qab", "qac"];
const FIELDS = { name: "Test edition", locale: "en-GB", searchConfig: "simple", position: 5 } as const;

afterEach(async () => {
  const db = rawDb();
  await db.article.deleteMany({ where: { editionId: { in: TEST_CODES } } });
  await db.languageEdition.deleteMany({ where: { id: { in: TEST_CODES } } });
});

/** An edition of this test's own, as createEdition leaves it (closed) unless `isPublic`. */
async function makeTestEdition(id: string, options: { isPublic?: boolean; searchConfig?: string } = {}) {
  return rawDb().languageEdition.create({ data: { id, ...FIELDS, searchConfig: options.searchConfig ?? "simple", isPublic: options.isPublic ?? false } });
}

async function expiredSince(since: Date) {
  return (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: since } }, select: { tag: true } })).map((t) => t.tag);
}

describe("adding an edition", () => {
  it("adds one in a language the code ships, closed to readers, audited; not twice, and no other language", async () => {
    const admin = await makeUser("ADMIN");
    expect((await listAddableLanguages(admin)).map((l) => l.code)).toContain("qaa");

    const edition = await createEdition(admin, { editionId: "qaa", ...FIELDS });
    expect(edition).toMatchObject({ id: "qaa", isDefault: false, isPublic: false, locale: "en-GB", searchConfig: "simple" });
    expect(await rawDb().auditLog.count({ where: { action: "edition.create", targetId: "qaa", actorId: admin.id } })).toBe(1);
    expect((await listAddableLanguages(admin)).map((l) => l.code)).not.toContain("qaa");
    expect(await getPrefixedEdition("qaa")).toBeNull();

    await expect(createEdition(admin, { editionId: "qaa", ...FIELDS })).rejects.toMatchObject({ field: "editionId", message: expect.stringMatching(/already/) });
    await expect(createEdition(admin, { editionId: "qab", ...FIELDS })).rejects.toMatchObject({ field: "editionId", message: expect.stringMatching(/no reader text/) });
    expect(await rawDb().languageEdition.count({ where: { id: "qab" } })).toBe(0);
  });

  it("validates the form: a language code, a name, a locale Intl knows (canonicalised), a search configuration, a position", () => {
    const parse = (values: Record<string, string>) => NewEditionSchema.safeParse({ editionId: "es", name: "Español", locale: "es-mx", searchConfig: "spanish", position: "1", ...values });
    expect(parse({})).toMatchObject({ success: true, data: { locale: "es-MX", position: 1 } });
    const fieldOf = (values: Record<string, string>) => {
      const result = parse(values);
      return result.success ? null : result.error.issues[0]!.path[0];
    };
    expect(fieldOf({ locale: "not a locale!" })).toBe("locale");
    expect(fieldOf({ locale: "" })).toBe("locale");
    expect(fieldOf({ name: "" })).toBe("name");
    expect(fieldOf({ searchConfig: "german" })).toBe("searchConfig");
    expect(fieldOf({ position: "-1" })).toBe("position");
    expect(fieldOf({ editionId: "ES/../x" })).toBe("editionId");
  });

  it("is for admins only", async () => {
    const editor = await makeUser("EDITOR");
    await expect(createEdition(editor, { editionId: "qaa", ...FIELDS })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listEditionsForAdmin(editor)).rejects.toBeInstanceOf(ForbiddenError);
    await makeTestEdition("qab");
    await expect(updateEdition(editor, "qab", { ...FIELDS, name: "Changed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setEditionPublic(editor, "qab", true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteEdition(editor, "qab")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await rawDb().languageEdition.findUnique({ where: { id: "qab" } })).toMatchObject({ name: FIELDS.name, isPublic: false });
  });
});

describe("an edition's settings", () => {
  it("rewrites the search configuration of every article of the edition in the same change, so search follows it", async () => {
    const admin = await makeUser("ADMIN");
    const author = await makeUser("JOURNALIST");
    const edition = await makeTestEdition("qab", { isPublic: true });
    const word = uniqueWord();
    const article = await makeSearchableArticle(author, { edition, headline: `Llega una inversión ${word}` });
    const other = await makeSearchableArticle(author, { headline: `English ${word}` });
    const scope = (searchConfig: string) => ({ editionId: "qab", searchConfig });
    expect((await searchPublishedArticles(`${word} inversiones`, 1, scope("simple"))).items).toEqual([]);

    const since = new Date(Date.now() - 1000);
    const { reindexed } = await updateEdition(admin, "qab", { ...FIELDS, searchConfig: "spanish", name: "Prueba", locale: "es-ES" });
    expect(reindexed).toBe(1);
    expect(await rawDb().article.findUnique({ where: { id: article.id }, select: { searchConfig: true } })).toEqual({ searchConfig: "spanish" });
    expect(await rawDb().article.findUnique({ where: { id: other.id }, select: { searchConfig: true } })).toEqual({ searchConfig: "english" });
    expect((await searchPublishedArticles(`${word} inversiones`, 1, scope("spanish"))).items.map((r) => r.id)).toEqual([article.id]);

    expect(await expiredSince(since)).toContain("site");
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "edition.update", targetId: "qab" }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ changed: ["name", "locale", "searchConfig"], from: { searchConfig: "simple" }, to: { searchConfig: "spanish" }, reindexed: 1 });
  });

  it("never changes the default edition here", async () => {
    const admin = await makeUser("ADMIN");
    const before = await rawDb().languageEdition.findFirstOrThrow({ where: { isDefault: true } });
    await expect(updateEdition(admin, before.id, { ...FIELDS, searchConfig: "simple" })).rejects.toMatchObject({ field: "editionId", message: expect.stringMatching(/default edition/) });
    await expect(setEditionPublic(admin, before.id, false)).rejects.toMatchObject({ field: "editionId" });
    await expect(deleteEdition(admin, before.id)).rejects.toMatchObject({ field: "editionId" });
    expect(await rawDb().languageEdition.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
  });
});

describe("readers' access", () => {
  it("closed: the edition's pages 404, and it leaves alternates, language links and sitemaps; open again, it is back", async () => {
    const admin = await makeUser("ADMIN");
    const author = await makeUser("JOURNALIST");
    await makeTestEdition("qac", { isPublic: true });
    const section = await makeSection();
    const english = await makeSearchableArticle(author, { sectionId: section.id });
    const translated = await makeSearchableArticle(author, { sectionId: section.id, edition: { id: "qac", searchConfig: "simple" } });
    await rawDb().article.updateMany({ where: { id: { in: [english.id, translated.id] } }, data: { translationGroupId: english.id } });
    const path = `/qac/${section.slug}/${translated.slug}`;

    const visible = async () => ({
      page: (await loadEdition("qac")) !== null,
      home: Object.keys((await homeAlternates()) ?? {}).includes("qac"),
      article: (await articleAlternates(english.id))?.qac ?? null,
      sitemap: (await readSitemapOverview()).pages.some((p) => p.path === "/qac"),
      news: (await readNewsSitemapArticles()).some((a) => a.path === path),
    });
    expect(await visible()).toEqual({ page: true, home: true, article: path, sitemap: true, news: true });

    const since = new Date(Date.now() - 1000);
    await setEditionPublic(admin, "qac", false);
    expect(await visible()).toEqual({ page: false, home: false, article: null, sitemap: false, news: false });
    expect(await expiredSince(since)).toContain("site");
    expect(await rawDb().auditLog.count({ where: { action: "edition.close", targetId: "qac", actorId: admin.id } })).toBe(1);
    // Staff still work in it: it is offered for a new story.
    expect((await listEditionChoices(author)).find((e) => e.id === "qac")).toMatchObject({ isPublic: false });

    await setEditionPublic(admin, "qac", true);
    expect(await visible()).toEqual({ page: true, home: true, article: path, sitemap: true, news: true });
    expect(await rawDb().auditLog.count({ where: { action: "edition.open", targetId: "qac", actorId: admin.id } })).toBe(1);
  });
});

describe("deleting an edition", () => {
  it("refuses while it has articles, with a clear message; deletes an empty one with its section names", async () => {
    const admin = await makeUser("ADMIN");
    const author = await makeUser("JOURNALIST");
    await makeTestEdition("qab");
    const article = await createDraftArticle(author, { editionId: "qab" });
    await expect(deleteEdition(admin, "qab")).rejects.toMatchObject({ field: "editionId", message: expect.stringMatching(/has 1 article: delete or move them first/) });
    expect(await rawDb().languageEdition.count({ where: { id: "qab" } })).toBe(1);

    await rawDb().article.delete({ where: { id: article.id } });
    const section = await makeSection();
    await rawDb().sectionTranslation.create({ data: { sectionId: section.id, editionId: "qab", name: "Sección", slug: `seccion-${uid()}` } });
    await deleteEdition(admin, "qab");
    expect(await rawDb().languageEdition.count({ where: { id: "qab" } })).toBe(0);
    expect(await rawDb().sectionTranslation.count({ where: { sectionId: section.id } })).toBe(0);
    expect(await rawDb().auditLog.findFirst({ where: { action: "edition.delete", targetId: "qab" } })).toMatchObject({ details: { name: FIELDS.name } });
  });
});

describe("New article in an edition", () => {
  it("starts the draft in the chosen edition with its search configuration; the default without a choice; an unknown one is refused", async () => {
    const author = await makeUser("JOURNALIST");
    await makeSpanishEdition();
    const spanish = await createDraftArticle(author, { editionId: "es" });
    expect(await rawDb().article.findUnique({ where: { id: spanish.id }, select: { editionId: true, searchConfig: true } })).toEqual({ editionId: "es", searchConfig: "spanish" });
    const plain = await createDraftArticle(author);
    const defaultEdition = await rawDb().languageEdition.findFirstOrThrow({ where: { isDefault: true } });
    expect(await rawDb().article.findUnique({ where: { id: plain.id }, select: { editionId: true, searchConfig: true } })).toEqual({
      editionId: defaultEdition.id,
      searchConfig: defaultEdition.searchConfig,
    });
    const count = await rawDb().article.count({ where: { createdById: author.id } });
    await expect(createDraftArticle(author, { editionId: "zz" })).rejects.toMatchObject({ field: "editionId" });
    expect(await rawDb().article.count({ where: { createdById: author.id } })).toBe(count);
  });
});
