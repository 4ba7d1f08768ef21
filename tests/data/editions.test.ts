/** Language editions: per-edition search (stemming, accents, no other edition's results), lists, linked translations. */
import { describe, expect, it, vi } from "vitest";
import { findPublishedPage, findPublishedTranslations, getFrontPage } from "@/lib/data/articles/public";
import { confirmTranslation, createTranslation, getTranslationPanel } from "@/lib/data/articles/translations";
import { saveArticle } from "@/lib/data/articles/editor";
import { getEditionNames, getPrefixedEdition } from "@/lib/data/editions";
import { searchPublishedArticles } from "@/lib/data/search";
import { makeSection, makeUser, rawDb } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition, uniqueWord } from "../support/search-factories";
import { saveInput } from "../support/article-saves";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const spanishScope = { editionId: "es", searchConfig: "spanish" };

describe("search per edition", () => {
  it("stems Spanish and ignores accents: 'inversiones' and 'inversion' find 'inversión', and the accented word is marked", async () => {
    const edition = await makeSpanishEdition();
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const article = await makeSearchableArticle(author, {
      edition,
      headline: `Llega una inversión ${word} a Monterrey`,
      paragraphs: ["La empresa anunció la obra el martes."],
    });

    for (const query of [`${word} inversiones`, `${word} inversion`, `${word} INVERSIÓN`]) {
      const results = await searchPublishedArticles(query, 1, spanishScope);
      expect(results.items.map((r) => r.id), query).toEqual([article.id]);
    }
    const [hit] = (await searchPublishedArticles(`${word} inversiones`, 1, spanishScope)).items;
    expect(hit!.headline.filter((s) => s.isMatch).map((s) => s.text)).toContain("inversión");
  });

  it("never shows another edition's articles: English results stay out of the Spanish search and the other way round", async () => {
    const edition = await makeSpanishEdition();
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const english = await makeSearchableArticle(author, { headline: `Water plan ${word}` });
    const spanish = await makeSearchableArticle(author, { edition, headline: `Plan de agua ${word}` });

    expect((await searchPublishedArticles(word, 1, spanishScope)).items.map((r) => r.id)).toEqual([spanish.id]);
    expect((await searchPublishedArticles(word)).items.map((r) => r.id)).toEqual([english.id]);
  });

  it("keeps English stemming in the default edition ('plans' finds 'plan')", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const article = await makeSearchableArticle(author, { headline: `The ${word} plan` });
    expect((await searchPublishedArticles(`${word} plans`)).items.map((r) => r.id)).toEqual([article.id]);
  });
});

describe("lists per edition", () => {
  it("the front page and section pages of an edition hold only its articles", async () => {
    const edition = await makeSpanishEdition();
    const author = await makeUser("JOURNALIST");
    const section = await makeSection();
    const english = await makeSearchableArticle(author, { sectionId: section.id });
    const spanish = await makeSearchableArticle(author, { sectionId: section.id, edition });

    const page = (editionId: string) => findPublishedPage({ editionId, sectionSlug: section.slug }, 1);
    expect((await page("en")).items.map((a) => a.id)).toEqual([english.id]);
    expect((await page("es")).items.map((a) => a.id)).toEqual([spanish.id]);
    const ids = (front: Awaited<ReturnType<typeof getFrontPage>>) => [front.lead?.id, ...front.top.map((a) => a.id), ...front.bySection.flatMap((s) => s.articles.map((a) => a.id))];
    expect(ids(await getFrontPage("es"))).not.toContain(english.id);
    expect(ids(await getFrontPage("en"))).not.toContain(spanish.id);
  });

  it("names sections in the edition's language and maps its slugs back", async () => {
    await makeSpanishEdition();
    const section = await makeSection();
    await rawDb().sectionTranslation.create({ data: { sectionId: section.id, editionId: "es", name: `Economía ${section.id}`, slug: `economia-${section.id}` } });
    const names = await getEditionNames("es");
    expect(names.sections[section.slug]).toMatchObject({ name: `Economía ${section.id}`, slug: `economia-${section.id}` });
    expect(names.sectionBySlug[`economia-${section.id}`]).toBe(section.slug);
    expect(await getPrefixedEdition("es")).toMatchObject({ id: "es", locale: "es-MX" });
    expect(await getPrefixedEdition("en"), "the default edition has no prefix").toBeNull();
  });
});

describe("linked translations", () => {
  it("Translate makes a linked draft in the other edition, once per edition; both are alternates once published", async () => {
    await makeSpanishEdition();
    const editor = await makeUser("EDITOR");
    const source = await makeSearchableArticle(editor, { headline: "Council approves the budget" });

    const { id } = await createTranslation(editor, { articleId: source.id, editionId: "es" });
    const draft = await rawDb().article.findUniqueOrThrow({ where: { id }, select: { status: true, editionId: true, searchConfig: true, headline: true, translationGroupId: true, translationSourceId: true } });
    expect(draft).toEqual({ status: "DRAFT", editionId: "es", searchConfig: "spanish", headline: "Council approves the budget", translationGroupId: source.id, translationSourceId: source.id });
    await expect(createTranslation(editor, { articleId: source.id, editionId: "es" })).rejects.toThrow(/already has a translation/);
    await expect(createTranslation(editor, { articleId: source.id, editionId: "en" })).rejects.toThrow(/another edition/);

    const panel = await getTranslationPanel(editor, id);
    expect(panel.source).toMatchObject({ id: source.id, headline: "Council approves the budget", editionName: "English" });
    expect(panel.canTranslateInto).toEqual([]);

    expect((await findPublishedTranslations(source.id)).map((t) => t.editionId), "a draft is no alternate").toEqual(["en"]);
    await rawDb().article.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 1000) } });
    expect((await findPublishedTranslations(source.id)).map((t) => t.editionId)).toEqual(["en", "es"]);
  });

  it("a journalist cannot translate an article they do not reach", async () => {
    await makeSpanishEdition();
    const other = await makeUser("JOURNALIST");
    const source = await makeSearchableArticle(await makeUser("JOURNALIST"));
    await expect(createTranslation(other, { articleId: source.id, editionId: "es" })).rejects.toThrow(/not found|That article/i);
  });

  it("republishing the source with a change readers see marks the translation outdated, until someone confirms it", async () => {
    await makeSpanishEdition();
    const editor = await makeUser("EDITOR");
    const source = await makeSearchableArticle(editor, { headline: "Bridge reopens" });
    const { id } = await createTranslation(editor, { articleId: source.id, editionId: "es" });
    const outdated = async () => (await rawDb().article.findUniqueOrThrow({ where: { id }, select: { translationOutdated: true } })).translationOutdated;
    expect(await outdated()).toBe(false);

    await saveArticle(editor, await saveInput(editor, source.id, { headline: "Bridge reopens after repairs" }));
    expect(await outdated()).toBe(true);
    expect((await getTranslationPanel(editor, id)).isOutdated).toBe(true);

    await confirmTranslation(editor, id);
    expect(await outdated()).toBe(false);
    await expect(confirmTranslation(editor, source.id), "the source is no translation").rejects.toThrow();
  });
});
