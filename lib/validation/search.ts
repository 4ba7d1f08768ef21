/**
 * What a reader may type into search, as pure functions and zod schemas: used by the search page, the data layer
 * (lib/data/search.ts) and proxy.ts, which turns `/search?q=…` into a cacheable path (see there).
 */
import { z } from "zod";

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 10;
/** Deeper pages cost an ever longer OFFSET scan and are never read: results stop at 50 pages (500 articles). */
export const SEARCH_MAX_PAGE = 50;

/** ts_headline's StartSel/StopSel: private-use code points, removed from the text before highlighting. */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

/** Control characters (PostgreSQL refuses NUL in text) and our own markers become spaces. */
export function stripUnsafeCharacters(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f || char === HIGHLIGHT_START || char === HIGHLIGHT_STOP ? " " : char;
  }
  return out;
}

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value) ?? "";

/** `?q=` as typed (first value when repeated), with whitespace collapsed; longer than 200 characters is refused. */
export const SearchQuerySchema = z.preprocess(
  firstValue,
  z
    .string()
    .transform((value) => stripUnsafeCharacters(value).replace(/\s+/g, " ").trim())
    .pipe(
      z.string().max(SEARCH_QUERY_MAX_LENGTH, {
        error: `Searches can be up to ${SEARCH_QUERY_MAX_LENGTH} characters long. Try fewer or shorter words.`,
      }),
    ),
);

/** `?page=`: a whole number from 1 to SEARCH_MAX_PAGE; anything else means page 1. */
export const SearchPageSchema = z.preprocess(firstValue, z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE)).catch(1);

/**
 * The cacheable path that serves `/search?q=…&page=n` (proxy.ts rewrites to it; app/(public)/search/results/…).
 * The query travels base64url-encoded so slashes, dots and any other character stay inside one path segment.
 */
export function searchResultsPath(query: string, page: number): string {
  return `/search/results/${Buffer.from(query, "utf8").toString("base64url")}/${page}`;
}

export function decodeSearchResultsQuery(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return null;
  const query = Buffer.from(segment, "base64url").toString("utf8");
  return Buffer.from(query, "utf8").toString("base64url") === segment ? query : null;
}
