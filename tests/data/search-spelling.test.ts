/**
 * Typo tolerance in reader search: the words table kept by the trigger on Article, and "Did you mean …" through
 * pg_trgm on the real (embedded) PostgreSQL, each language edition from its own words.
 */
import { describe, expect, it, vi } from "vitest";
import { searchPublishedArticles } from "@/lib/data/search";
import { suggestSpelling } from "@/lib/data/search-spelling";
import { makeUser, rawDb } from "../support/factories";
import { makeSearchableArticle, makeSpanishEdition, uniqueWord } from "../support/search-factories";

// Next's data cache exists only inside a Next server; here every call goes straight to the (real) database.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

/** `word` with its 4th and 5th letters swapped: the commonest typo. */
const swapped = (word: string) => `${word.slice(0, 3)}${word[4]}${word[3]}${word.slice(5)}`;

/** A unique word whose swapped spelling differs from it (a random word may repeat its 4th letter as its 5th). */
function typoableWord(): string {
  for (;;) {
    const word = uniqueWord();
    if (swapped(word) !== word) return word;
  }
}

const isKnown = async (word: string, editionId = "en") => (await rawDb().searchWord.count({ where: { word, editionId } })) === 1;

const ENGLISH = { editionId: "en", config: "english" };
const SPANISH = { editionId: "es", config: "dateline_spanish" };
const spanishSearch = { editionId: "es", searchConfig: "spanish" };

describe("the words table", () => {
  it("learns the words of an article when it is published, not while it is a draft", async () => {
    const author = await makeUser("JOURNALIST");
    const [inHeadline, inDek, inBody] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const draft = await makeSearchableArticle(author, { status: "DRAFT", headline: `Plan ${inHeadline}`, dek: `About ${inDek}`, paragraphs: [`It says ${inBody}.`] });
    expect(await isKnown(inBody)).toBe(false);

    await rawDb().article.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) } });
    // (A minute ago, like the factory: the front-page test owns "the newest articles" while files run in parallel.)
    for (const word of [inHeadline, inDek, inBody]) expect(await isKnown(word), word).toBe(true);
  });

  it("learns the words a published article's new text brings, and counts each publication that used a word", async () => {
    const author = await makeUser("JOURNALIST");
    const [shared, added] = [uniqueWord(), uniqueWord()];
    const first = await makeSearchableArticle(author, { paragraphs: [`First ${shared}.`] });
    await makeSearchableArticle(author, { paragraphs: [`Second ${shared}.`] });
    expect((await rawDb().searchWord.findUniqueOrThrow({ where: { editionId_word: { editionId: "en", word: shared } } })).documents).toBe(2);

    await rawDb().article.update({ where: { id: first.id }, data: { bodyText: `First ${shared} and ${added}.` } });
    expect(await isKnown(added)).toBe(true);
  });

  it("keeps letters-only words of three or more characters, accents included, lower-cased", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord(9);
    await makeSearchableArticle(author, { paragraphs: [`Nuevo León ${word.toUpperCase()} at 10:30 on www.example.com, a well-known ox.`] });
    expect(await isKnown(word)).toBe(true);
    expect(await isKnown("león")).toBe(true);
    expect(await isKnown("known")).toBe(true);
    for (const absent of ["ox", "10:30", "www.example.com", "well-known"]) expect(await isKnown(absent), absent).toBe(false);
  });
});

describe("Did you mean", () => {
  it("finds a misspelt word's articles, and offers the right spelling", async () => {
    const author = await makeUser("JOURNALIST");
    const word = typoableWord();
    const article = await makeSearchableArticle(author, { paragraphs: [`The ${word} was full by March.`] });

    const results = await searchPublishedArticles(swapped(word));
    expect(results.total).toBe(0);
    expect(results.correction?.query).toBe(word);
    expect(results.correction?.items.map((item) => item.id)).toContain(article.id);
  });

  it("prefers the word with fewest edits over a nearer one in trigrams: reservior is reservoir, not reserve", async () => {
    const author = await makeUser("JOURNALIST");
    // "reserve" shares more trigrams with "reservior", and is used more often here.
    for (let i = 0; i < 3; i++) await makeSearchableArticle(author, { paragraphs: ["The bank's reserve fund grew; the reserve is ample."] });
    await makeSearchableArticle(author, { paragraphs: ["The reservoir above the town is nearly full."] });

    expect(await suggestSpelling("reservior", ENGLISH)).toBe("reservoir");
    const results = await searchPublishedArticles("reservior");
    expect(results.correction?.query).toBe("reservoir");
    expect(results.correction?.total).toBeGreaterThan(0);
  });

  it("respells only the unknown words of a longer query and keeps the rest as typed", async () => {
    const author = await makeUser("JOURNALIST");
    const [known, misspelt] = [uniqueWord(), typoableWord()];
    await makeSearchableArticle(author, { paragraphs: [`Both ${known} and ${misspelt} are here.`] });
    expect(await suggestSpelling(`"${known}" ${swapped(misspelt)} -zz`, ENGLISH)).toBe(`"${known}" ${misspelt} -zz`);
  });

  it("offers nothing when every word is known, nothing is near enough, or the query finds articles", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    await makeSearchableArticle(author, { paragraphs: [`Only ${word} here.`] });
    expect(await suggestSpelling(word, ENGLISH)).toBeNull();
    expect(await suggestSpelling(uniqueWord(), ENGLISH)).toBeNull();
    expect((await searchPublishedArticles(word)).correction).toBeUndefined();
    expect((await searchPublishedArticles(uniqueWord())).correction).toBeUndefined();
  });

  it("never offers a spelling that finds nothing (a word of an article taken down since)", async () => {
    const author = await makeUser("JOURNALIST");
    const word = typoableWord();
    const article = await makeSearchableArticle(author, { paragraphs: [`Gone ${word}.`] });
    await rawDb().article.update({ where: { id: article.id }, data: { status: "ARCHIVED", archivedAt: new Date() } });
    expect(await isKnown(word)).toBe(true);
    expect(await suggestSpelling(swapped(word), ENGLISH)).toBe(word);
    expect((await searchPublishedArticles(swapped(word))).correction).toBeUndefined();
  });

  it("suggests only words of the searched edition, and never corrects a word its own search finds by stem or without accents", async () => {
    const edition = await makeSpanishEdition();
    const author = await makeUser("JOURNALIST");
    const [spanishWord, englishWord] = [typoableWord(), typoableWord()];
    const spanish = await makeSearchableArticle(author, { edition, paragraphs: [`La presa ${spanishWord} recibió la inversión.`] });
    await makeSearchableArticle(author, { paragraphs: [`The dam ${englishWord} got the investment.`] });
    expect(await isKnown(spanishWord, "es")).toBe(true);
    expect(await isKnown(spanishWord, "en"), "a Spanish word is no English word").toBe(false);
    expect(await isKnown(englishWord, "es")).toBe(false);

    expect(await suggestSpelling(swapped(spanishWord), SPANISH)).toBe(spanishWord);
    expect(await suggestSpelling(swapped(englishWord), SPANISH), "no English word in the Spanish search").toBeNull();
    expect(await suggestSpelling(swapped(spanishWord), ENGLISH), "no Spanish word in the English search").toBeNull();
    expect(await suggestSpelling(swapped(englishWord), ENGLISH)).toBe(englishWord);
    // "inversiones" and "inversion" are not typos in Spanish: its search finds "inversión" by them.
    expect(await suggestSpelling(`inversiones inversion ${swapped(spanishWord)}`, SPANISH)).toBe(`inversiones inversion ${spanishWord}`);

    const results = await searchPublishedArticles(swapped(spanishWord), 1, spanishSearch);
    expect(results.correction?.query).toBe(spanishWord);
    expect(results.correction?.items.map((item) => item.id)).toEqual([spanish.id]);
    expect((await searchPublishedArticles(swapped(spanishWord))).correction, "the English search offers nothing").toBeUndefined();
  });
});
