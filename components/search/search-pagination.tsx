/**
 * Pagination for search results: the shared numbered pagination, with `/search?q=…&page=n` links (search pages are
 * query strings, unlike the path-based, cacheable public lists).
 */
import { Pagination } from "@/components/ui/pagination";

export function searchHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

export function SearchPagination({ query, page, totalPages }: { query: string; page: number; totalPages: number }) {
  return <Pagination page={page} totalPages={totalPages} hrefFor={(n) => searchHref(query, n)} label="Search results pages" />;
}
