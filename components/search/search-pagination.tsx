/**
 * Numbered pagination for search results. Unlike the public lists (components/ui/pagination.tsx, path-based and
 * cacheable), search pages are query strings: `/search?q=…&page=n`, with the query kept in every link.
 */
import Link from "next/link";

export function searchHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

const stepClass =
  "rounded border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800";

export function SearchPagination({ query, page, totalPages }: { query: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === totalPages || Math.abs(n - page) <= 2,
  );
  return (
    <nav aria-label="Search results pages" className="mt-10 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 && <link rel="prev" href={searchHref(query, page - 1)} />}
      {page < totalPages && <link rel="next" href={searchHref(query, page + 1)} />}
      {page > 1 && (
        <Link href={searchHref(query, page - 1)} className={stepClass}>
          Previous<span className="sr-only"> page</span>
        </Link>
      )}
      <ol className="flex flex-wrap gap-1">
        {pages.map((n, i) => (
          <li key={n} className="flex items-center gap-1">
            {i > 0 && pages[i - 1] !== n - 1 && <span aria-hidden="true">…</span>}
            <Link
              href={searchHref(query, n)}
              aria-current={n === page ? "page" : undefined}
              aria-label={`Page ${n}`}
              className={`rounded px-3 py-1 ${n === page ? "bg-ink font-bold text-paper" : "hover:bg-gray-100 dark:hover:bg-gray-800"}`}
            >
              {n}
            </Link>
          </li>
        ))}
      </ol>
      {page < totalPages && (
        <Link href={searchHref(query, page + 1)} className={stepClass}>
          Next<span className="sr-only"> page</span>
        </Link>
      )}
    </nav>
  );
}
