/**
 * Sitemaps as pure functions: how the URLs are split, and the XML of a urlset, a sitemap index and a Google News
 * sitemap. No database and no Next here, so the 50,000-URL rule can be tested with a chunk size of 3.
 *
 * Order of the URLs: the fixed pages (home, sections, tags, authors) first, then every published article. Up to
 * SITEMAP_MAX_URLS they are one urlset at /sitemap.xml; beyond that /sitemap.xml is an index of /sitemaps/{n}.xml,
 * each holding at most SITEMAP_MAX_URLS (the protocol's limit per file).
 */
import { isoWithOffset } from "@/lib/dates";
import { escapeXml } from "./xml";

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

/** Google News reads at most this many URLs from a news sitemap, and only articles of the last two days. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;
export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;

export type SitemapPlan = { kind: "urlset"; totalUrls: number } | { kind: "index"; totalUrls: number; chunkCount: number };

/** One urlset while everything fits in one file; otherwise an index of ceil(total / chunkSize) chunks. */
export function buildSitemapPlan(totalUrls: number, chunkSize: number = SITEMAP_MAX_URLS): SitemapPlan {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const total = Math.max(0, Math.floor(totalUrls));
  if (total <= chunkSize) return { kind: "urlset", totalUrls: total };
  return { kind: "index", totalUrls: total, chunkCount: Math.ceil(total / chunkSize) };
}

export type SitemapChunkSlice = {
  /** Fixed pages [start, end) in this chunk. */
  pages: { start: number; end: number };
  /** Published articles, by position in the sitemap's article order. */
  articles: { offset: number; take: number };
};

/**
 * What chunk `chunk` (1-based) holds of `pageCount` fixed pages followed by `articleCount` articles, or null when
 * there is no such chunk.
 */
export function sitemapChunkSlice(chunk: number, pageCount: number, articleCount: number, chunkSize: number = SITEMAP_MAX_URLS): SitemapChunkSlice | null {
  const total = pageCount + articleCount;
  if (!Number.isInteger(chunk) || chunk < 1 || (chunk - 1) * chunkSize >= Math.max(total, 1)) return null;
  const start = (chunk - 1) * chunkSize;
  const end = Math.min(start + chunkSize, total);
  const pages = { start: Math.min(start, pageCount), end: Math.min(end, pageCount) };
  const offset = Math.max(0, start - pageCount);
  return { pages, articles: { offset, take: Math.max(0, end - pageCount - offset) } };
}

/** The chunk number in a /sitemaps/{n}.xml file name, or null for anything else. */
export function parseSitemapChunkFile(file: string): number | null {
  const match = /^([1-9]\d{0,6})\.xml$/.exec(file);
  return match ? Number(match[1]) : null;
}

/** `alternates`: the URL's translations, itself included, and x-default (xhtml:link rel="alternate" hreflang). */
export type SitemapUrl = { loc: string; lastmod?: Date | null; alternates?: { hreflang: string; href: string }[] };

/** W3C datetime in UTC to the second, as sitemaps accept ("2026-06-16T15:07:00Z"). */
function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

function locAndLastmod({ loc, lastmod }: SitemapUrl): string {
  return `<loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${w3cDate(lastmod)}</lastmod>` : ""}`;
}

function alternateLinks({ alternates = [] }: SitemapUrl): string {
  return alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`).join("");
}

/** A urlset; the xhtml namespace is declared only when some URL has translations (a one-language site's is as before). */
export function renderUrlset(urls: Iterable<SitemapUrl>): string {
  const list = [...urls];
  const xhtml = list.some((url) => url.alternates?.length) ? ` xmlns:xhtml="${XHTML_NS}"` : "";
  const lines = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}"${xhtml}>`];
  for (const url of list) lines.push(`<url>${locAndLastmod(url)}${alternateLinks(url)}</url>`);
  lines.push("</urlset>", "");
  return lines.join("\n");
}

export function renderSitemapIndex(sitemaps: Iterable<SitemapUrl>): string {
  const lines = [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`];
  for (const sitemap of sitemaps) lines.push(`<sitemap>${locAndLastmod(sitemap)}</sitemap>`);
  lines.push("</sitemapindex>", "");
  return lines.join("\n");
}

/** `language`: the article's own (its edition's), when it differs from the publication's. */
export type NewsSitemapEntry = { loc: string; title: string; publishedAt: Date; language?: string };
export type NewsPublication = { name: string; language: string; timeZone: string };

/** A Google News sitemap: each article with the publication, its publish time (with offset) and its headline. */
export function renderNewsSitemap(entries: Iterable<NewsSitemapEntry>, publication: NewsPublication): string {
  const name = escapeXml(publication.name);

  const lines = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`];
  for (const entry of entries) {
    lines.push(
      "<url>",
      `  <loc>${escapeXml(entry.loc)}</loc>`,
      "  <news:news>",
      `    <news:publication><news:name>${name}</news:name><news:language>${escapeXml(entry.language ?? publication.language)}</news:language></news:publication>`,
      `    <news:publication_date>${isoWithOffset(entry.publishedAt, publication.timeZone)}</news:publication_date>`,
      `    <news:title>${escapeXml(entry.title)}</news:title>`,
      "  </news:news>",
      "</url>",
    );
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}
