/**
 * Reader search (/search): PostgreSQL full-text search over published articles only.
 *
 * Matching uses the generated, GIN-indexed column Article."searchVector" (headline A, dek B, body text C; see
 * prisma/migrations/*_search_and_constraints and *_language_editions) with `websearch_to_tsquery(config, q)`, where
 * config is the edition's text-search configuration (English stemming; Spanish stemming with accents ignored; the
 * simple fallback), and only that edition's articles are searched. websearch_to_tsquery accepts anything a person types ("quotes", -minus, or) and never raises a syntax error. Prisma cannot express tsvector queries, so
 * the ranking runs in one $queryRaw with every value bound as a parameter; the cards are then read through Prisma
 * with the same published-only condition as every other public read.
 *
 * Snippets come from `ts_headline`, which marks matches with StartSel/StopSel. We pass two private-use characters as
 * the markers (and delete those characters from the text first, so an article can never fake one), then split on
 * them here: readers get `{ text, isMatch }` segments that the UI renders as React text and <mark> elements. No
 * HTML from the database is ever injected.
 *
 * A query that finds nothing gets a respelt one ("Did you mean …", lib/data/search-spelling.ts: from the edition's own words) when that finds
 * something: its first page comes with the answer, so a misspelt word still finds its articles.
 *
 * Results are cached per (normalized query, page) with publicQuery under the "latest" tag: a burst of readers
 * searching the news of the day costs one query per page, and any publish, unpublish or edit of a published article
 * expires "latest" (tagsForArticle), so results are never staler than the article pages themselves. The recency
 * factor ages by at most the cache's one-hour lifetime, which does not change an order measured in days.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPublicReadDb } from "@/lib/db";
import { publishedWhere, sectionAndBylineSelect } from "./articles/public";
import { CacheTags, publicQuery } from "./cache";
import { getDefaultEdition } from "./editions";
import { suggestSpelling } from "./search-spelling";
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  SEARCH_QUERY_MAX_LENGTH,
  stripUnsafeCharacters,
} from "@/lib/validation/search";

export {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  SEARCH_MAX_PAGE,
  SEARCH_PAGE_SIZE,
  SEARCH_QUERY_MAX_LENGTH,
  SearchPageSchema,
  SearchQuerySchema,
  stripUnsafeCharacters,
} from "@/lib/validation/search";

const MARKERS = HIGHLIGHT_START + HIGHLIGHT_STOP;
const SNIPPET_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}", MaxWords=32, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_STOP}", HighlightAll=true`;

export type HighlightSegment = { text: string; isMatch: boolean };

/** Splits ts_headline output on the markers into plain-text segments; unbalanced or stray markers are harmless. */
export function parseHighlights(raw: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let isMatch = false;
  let text = "";
  const flush = () => {
    if (text === "") return;
    const last = segments[segments.length - 1];
    if (last && last.isMatch === isMatch) last.text += text;
    else segments.push({ text, isMatch });
    text = "";
  };
  for (const char of raw) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_STOP) {
      flush();
      isMatch = char === HIGHLIGHT_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}

const resultSelect = {
  id: true,
  slug: true,
  publishedAt: true,
  ...sectionAndBylineSelect,
} as const satisfies Prisma.ArticleSelect;

export type SearchResult = {
  id: string;
  slug: string;
  /** The headline with every matched word marked. */
  headline: HighlightSegment[];
  /** Up to two fragments of dek and body around the matches. */
  snippet: HighlightSegment[];
  publishedAt: Date;
  section: { name: string; slug: string };
  authors: { name: string; slug: string }[];
};

export type SearchResults = {
  /** The query as searched (normalized); empty when there was nothing to search for. */
  query: string;
  items: SearchResult[];
  total: number;
  page: number;
  totalPages: number;
  /** When the query found nothing: a respelling of it that does, with its first page ("Did you mean …"). */
  correction?: SearchResults;
};

/** The PostgreSQL configuration behind each edition's `searchConfig` (the migration creates the dateline_ ones). */
const TEXT_SEARCH_CONFIGS: Record<string, string> = { english: "english", spanish: "dateline_spanish", simple: "dateline_simple" };

export type SearchScope = { editionId: string; searchConfig: string };

type RankedRow = { total: number; id: string | null; headline: string | null; snippet: string | null };

/**
 * Ranking: relevance decayed by age.
 *
 *   score = ts_rank_cd(searchVector, query, 1) × (0.35 + 0.65 × 0.5 ^ (ageDays / 30))
 *
 * - ts_rank_cd is cover density over the weighted vector (A headline 1.0, B dek 0.4, C body 0.2 by default), with
 *   normalization 1: divided by 1 + log(document length), so a long piece does not win by repetition alone.
 * - The recency factor is 1 for an article published now, halves its boost every 30 days, and never drops below
 *   0.35: a 30-day-old article keeps 0.675, a year-old one about 0.35. Recency therefore breaks ties and lifts
 *   fresh news, but cannot bury relevance: a headline match (5× a single body mention) still beats a fresher
 *   body-only mention at any age, since the largest possible recency advantage is 1 / 0.35 ≈ 2.9×.
 * Ties fall back to the newer article, then the id, so pagination is stable.
 */
/** The PostgreSQL configuration an edition's `searchConfig` names. */
const textSearchConfig = (scope: SearchScope) => TEXT_SEARCH_CONFIGS[scope.searchConfig] ?? "dateline_simple";

async function runSearch(query: string, page: number, scope: SearchScope): Promise<SearchResults> {
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const config = textSearchConfig(scope);
  const rows = await getPublicReadDb().$queryRaw<RankedRow[]>`
    WITH q AS (
      SELECT websearch_to_tsquery(${config}::regconfig, ${query}) AS query, (now() AT TIME ZONE 'UTC') AS now
    ),
    matches AS (
      SELECT a.id, a."publishedAt",
        ts_rank_cd(a."searchVector", q.query, 1)
          * (0.35 + 0.65 * power(0.5, greatest(extract(epoch FROM (q.now - a."publishedAt"))::float8, 0) / 86400 / 30))
          AS score
      FROM "Article" a CROSS JOIN q
      WHERE a."editionId" = ${scope.editionId} AND a.status = 'PUBLISHED' AND a."publishedAt" <= q.now AND a."searchVector" @@ q.query
    ),
    ranked AS (
      SELECT id, row_number() OVER (ORDER BY score DESC, "publishedAt" DESC, id DESC) AS position
      FROM matches
      ORDER BY position
      LIMIT ${SEARCH_PAGE_SIZE}::int OFFSET ${offset}::int
    )
    SELECT t.total, r.id,
      ts_headline(${config}::regconfig, translate(a.headline, ${MARKERS}, ''), q.query, ${HEADLINE_OPTIONS}) AS headline,
      ts_headline(${config}::regconfig, translate(concat_ws(' ', nullif(a.dek, ''), a."bodyText"), ${MARKERS}, ''), q.query, ${SNIPPET_OPTIONS})
        AS snippet
    FROM (SELECT count(*)::int AS total FROM matches) t
    CROSS JOIN q
    LEFT JOIN ranked r ON true
    LEFT JOIN "Article" a ON a.id = r.id
    ORDER BY r.position`;

  const total = rows[0]?.total ?? 0;
  const totalPages = Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)));
  const ranked = rows.filter((row): row is RankedRow & { id: string } => row.id !== null);
  if (ranked.length === 0) return { query, items: [], total, page, totalPages };

  // The same published-only condition again: an article unpublished between the two reads is dropped, not shown.
  const cards = await getPublicReadDb().article.findMany({
    where: { ...publishedWhere(), id: { in: ranked.map((row) => row.id) } },
    select: resultSelect,
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  const items = ranked.flatMap((row): SearchResult[] => {
    const card = byId.get(row.id);
    if (!card) return [];
    return [
      {
        id: card.id,
        slug: card.slug,
        headline: parseHighlights(row.headline ?? ""),
        snippet: parseHighlights(row.snippet ?? ""),
        publishedAt: card.publishedAt as Date,
        section: card.section,
        authors: card.authors.map((a) => a.user),
      },
    ];
  });
  return { query, items, total, page, totalPages };
}

const EMPTY: SearchResults = { query: "", items: [], total: 0, page: 1, totalPages: 1 };

/** The results, and for a query that finds nothing, the first page of a respelling of it that finds something. */
async function searchWithCorrection(query: string, page: number, scope: SearchScope): Promise<SearchResults> {
  const results = await runSearch(query, page, scope);
  if (results.total > 0) return results;
  const respelt = await suggestSpelling(query, { editionId: scope.editionId, config: textSearchConfig(scope) });
  if (!respelt || respelt === query) return results;
  const correction = await runSearch(respelt, 1, scope);
  return correction.total > 0 ? { ...results, correction } : results;
}

const cachedSearch = publicQuery("searchPublishedArticles", searchWithCorrection, {
  tags: () => [CacheTags.latest],
  buildFallback: EMPTY,
});

/**
 * One page of published articles matching `q`, best first. Never throws on what a reader types: the query is
 * normalized (control characters removed, whitespace collapsed, cut to 200 characters, lower-cased — search is
 * case-insensitive, and one cache entry then serves "Water" and "water"); an empty query, a stop word or
 * punctuation alone simply match nothing. Only the articles of the edition in `scope` (default: the default
 * edition) are searched.
 */
export async function searchPublishedArticles(q: string, page = 1, scope?: SearchScope): Promise<SearchResults> {
  const query = stripUnsafeCharacters(q).replace(/\s+/g, " ").trim().slice(0, SEARCH_QUERY_MAX_LENGTH).trim().toLowerCase();
  if (query === "") return EMPTY;
  const safePage = Number.isFinite(page) ? Math.min(SEARCH_MAX_PAGE, Math.max(1, Math.floor(page))) : 1;
  const { id, searchConfig } = scope ? { id: scope.editionId, searchConfig: scope.searchConfig } : await getDefaultEdition();
  return cachedSearch(query, safePage, { editionId: id, searchConfig });
}
