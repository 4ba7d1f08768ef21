/**
 * Pagination for search results: the shared numbered pagination, with `/search?q=…&page=n` links (search pages are
 * query strings, unlike the path-based, cacheable public lists).
 */
import { Pagination } from "@/components/ui/pagination";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export function searchHref(query: string, page: number, text: Pick<ReaderText, "path"> = ENGLISH_TEXT): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return text.path(`/search?${params.toString()}`);
}

export function SearchPagination({ query, page, totalPages, text = ENGLISH_TEXT }: { query: string; page: number; totalPages: number; text?: ReaderText }) {
  return <Pagination page={page} totalPages={totalPages} hrefFor={(n) => searchHref(query, n, text)} label={text.t("searchPages")} words={text} />;
}
