import { describe, expect, it, vi } from "vitest";
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  SEARCH_PAGE_SIZE,
  SearchQuerySchema,
  parseHighlights,
  searchPublishedArticles,
  type HighlightSegment,
} from "@/lib/data/search";
import { makeUser, rawDb } from "../support/factories";
import { daysAgo, makeSearchableArticle, uniqueWord } from "../support/search-factories";

// Next's data cache exists only inside a Next server; here every call goes straight to the (real) database.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const matches = (segments: HighlightSegment[]) => segments.filter((s) => s.isMatch).map((s) => s.text.toLowerCase());

describe("searchPublishedArticles", () => {
  it("finds a published article by a word in its body, whatever the letter case, with its card fields", async () => {
    const author = await makeUser("JOURNALIST", "Searchable Author");
    const word = uniqueWord();
    const article = await makeSearchableArticle(author, {
      paragraphs: ["The council met on Tuesday.", `Residents asked about the ${word} proposal for the river district.`],
    });

    const results = await searchPublishedArticles(word.toUpperCase());
    expect(results.total).toBe(1);
    expect(results.items.map((r) => r.id)).toEqual([article.id]);
    const [hit] = results.items;
    expect(hit).toMatchObject({
      slug: article.slug,
      section: article.section,
      authors: [{ name: "Searchable Author", slug: author.slug }],
      publishedAt: article.publishedAt,
    });
    expect(hit!.headline.map((s) => s.text).join("")).toBe(article.headline);
  });

  it("ranks a headline match above a body-only match, even when the body-only match is newer", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    // Created first, so the id tie-break would put it second: only relevance can put it first.
    const inHeadline = await makeSearchableArticle(author, {
      headline: `City adopts ${word} plan`,
      paragraphs: ["The vote followed months of hearings on the city budget."],
      publishedAt: daysAgo(10),
    });
    const bodyOnly = await makeSearchableArticle(author, {
      headline: "Council hears from residents",
      paragraphs: [`Residents spoke about the ${word} plan and the city budget at length.`],
      publishedAt: daysAgo(1),
    });

    const results = await searchPublishedArticles(word);
    expect(results.items.map((r) => r.id)).toEqual([inHeadline.id, bodyOnly.id]);
  });

  it("never returns drafts, articles in review, scheduled, archived or not-yet-due articles", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const paragraphs = [`A story about ${word}.`];
    const published = await makeSearchableArticle(author, { paragraphs });
    await Promise.all([
      makeSearchableArticle(author, { paragraphs, status: "DRAFT" }),
      makeSearchableArticle(author, { paragraphs, status: "IN_REVIEW" }),
      makeSearchableArticle(author, { paragraphs, status: "SCHEDULED" }),
      makeSearchableArticle(author, { paragraphs, status: "ARCHIVED", publishedAt: daysAgo(3) }),
      // Published with a publish time still ahead: not public yet.
      makeSearchableArticle(author, { paragraphs, status: "PUBLISHED", publishedAt: new Date(Date.now() + 86_400_000) }),
      // Unpublished back to draft, keeping its old publish time.
      makeSearchableArticle(author, { paragraphs, status: "DRAFT", publishedAt: daysAgo(2) }),
    ]);
    expect(await rawDb().article.count({ where: { bodyText: { contains: word } } })).toBe(7);

    const results = await searchPublishedArticles(word);
    expect(results.total).toBe(1);
    expect(results.items.map((r) => r.id)).toEqual([published.id]);
  });

  it("prefers the newer of two equally relevant articles", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const same = { headline: `The ${word} report`, paragraphs: [`What the ${word} report says about the city budget.`] };
    const newer = await makeSearchableArticle(author, { ...same, publishedAt: daysAgo(2) });
    // Created last, so the id tie-break would put it first: only recency can put it second.
    const older = await makeSearchableArticle(author, { ...same, publishedAt: daysAgo(200) });

    const results = await searchPublishedArticles(word);
    expect(results.items.map((r) => r.id)).toEqual([newer.id, older.id]);
  });

  it("lets recency outweigh a small edge in relevance", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const olderButRepeated = await makeSearchableArticle(author, {
      headline: "Council notes",
      paragraphs: [`The ${word} question came up twice: first the ${word} budget, then the schedule.`],
      publishedAt: daysAgo(180),
    });
    const fresh = await makeSearchableArticle(author, {
      headline: "Council notes",
      paragraphs: [`The ${word} question came up once, with the budget and then the schedule.`],
      publishedAt: daysAgo(1),
    });

    const results = await searchPublishedArticles(word);
    expect(results.items.map((r) => r.id)).toEqual([fresh.id, olderButRepeated.id]);
  });

  it("pages through results in a stable order", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const made = [];
    for (let i = 0; i < SEARCH_PAGE_SIZE + 3; i++) {
      made.push(await makeSearchableArticle(author, { paragraphs: [`Item ${i} on ${word}.`], publishedAt: daysAgo(i + 1) }));
    }
    const first = await searchPublishedArticles(word, 1);
    const second = await searchPublishedArticles(word, 2);
    const beyond = await searchPublishedArticles(word, 3);
    expect(first).toMatchObject({ total: SEARCH_PAGE_SIZE + 3, page: 1, totalPages: 2 });
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    expect(second.items).toHaveLength(3);
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(made.map((a) => a.id));
    expect(beyond).toMatchObject({ items: [], total: SEARCH_PAGE_SIZE + 3, page: 3, totalPages: 2 });
  });

  it("handles empty, stop-word, punctuation, operator, very long and SQL-like input without throwing", async () => {
    const inputs = [
      "",
      "   ",
      "a",
      "x",
      "the",
      "the and of",
      "!!!",
      "\"",
      "-",
      "or",
      "& | ! ( ) : * <-> '",
      `'; DROP TABLE "Article"; --`,
      "1' OR '1'='1",
      "\u0000water\u0000",
      `${HIGHLIGHT_START}water${HIGHLIGHT_STOP}`,
      "💧 agua",
      "water ".repeat(2_000),
      "x".repeat(10_000),
    ];
    for (const input of inputs) {
      const results = await searchPublishedArticles(input);
      expect(results.total, JSON.stringify(input.slice(0, 40))).toBeGreaterThanOrEqual(0);
      expect(results.query.length).toBeLessThanOrEqual(200);
    }
    for (const empty of ["", "   ", "the", "the and of", "!!!", "-", "\"", "& | ! ( ) : * <-> '"]) {
      expect(await searchPublishedArticles(empty), empty).toMatchObject({ items: [], total: 0 });
    }
    for (const page of [0, -1, Number.NaN, 1e9, 2.5]) {
      await expect(searchPublishedArticles("water", page)).resolves.toMatchObject({ items: expect.any(Array) });
    }
    // Still there.
    await expect(rawDb().article.count()).resolves.toBeGreaterThan(0);
  });

  it("marks the matched word in the snippet and headline, and an article cannot fake a mark", async () => {
    const author = await makeUser("JOURNALIST");
    const word = uniqueWord();
    const fake = uniqueWord();
    const article = await makeSearchableArticle(author, {
      headline: `Why ${word} matters`,
      dek: "A short summary of the story.",
      paragraphs: [
        "Opening lines that do not mention the word at all, about the weather and the city budget.",
        `Later, officials described the ${word} programme in detail, and <b>${HIGHLIGHT_START}${fake}${HIGHLIGHT_STOP}</b> appeared too.`,
      ],
    });

    const [hit] = (await searchPublishedArticles(word)).items;
    expect(hit?.id).toBe(article.id);
    expect(matches(hit!.snippet)).toEqual([word]);
    expect(matches(hit!.headline)).toEqual([word]);
    const snippetText = hit!.snippet.map((s) => s.text).join("");
    expect(snippetText).toContain(`the ${word} programme`);
    // The markers written into the article were removed before highlighting: the word is there, unmarked.
    expect(snippetText).not.toMatch(/[\uE000\uE001]/);
    expect(snippetText).toContain(fake);
  });
});

describe("parseHighlights", () => {
  it("splits ts_headline's markers into text and matches, tolerating stray markers", () => {
    const raw = `before ${HIGHLIGHT_START}water${HIGHLIGHT_STOP} and ${HIGHLIGHT_START}rio${HIGHLIGHT_STOP} ${HIGHLIGHT_START}grande${HIGHLIGHT_STOP}.`;
    expect(parseHighlights(raw)).toEqual([
      { text: "before ", isMatch: false },
      { text: "water", isMatch: true },
      { text: " and ", isMatch: false },
      { text: "rio", isMatch: true },
      { text: " ", isMatch: false },
      { text: "grande", isMatch: true },
      { text: ".", isMatch: false },
    ]);
    expect(parseHighlights(`${HIGHLIGHT_STOP}plain${HIGHLIGHT_STOP}`)).toEqual([{ text: "plain", isMatch: false }]);
    expect(parseHighlights("")).toEqual([]);
  });
});

describe("SearchQuerySchema", () => {
  it("trims and collapses whitespace, takes the first of repeated values, and refuses more than 200 characters", () => {
    expect(SearchQuerySchema.parse("  rio \n grande  ")).toBe("rio grande");
    expect(SearchQuerySchema.parse(["water", "drought"])).toBe("water");
    expect(SearchQuerySchema.parse(undefined)).toBe("");
    expect(SearchQuerySchema.safeParse(`  ${"a".repeat(200)}  `).success).toBe(true);
    const tooLong = SearchQuerySchema.safeParse("a".repeat(201));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toMatch(/up to 200 characters/);
  });
});
