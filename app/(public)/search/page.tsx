/**
 * /search?q=…&page=n: full-text search over published articles (lib/data/search.ts). Rendered per request, since
 * it reads the query string; kept out of search engines (noindex), since result pages are endless and thin.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/search/search-form";
import { SearchPagination, searchHref } from "@/components/search/search-pagination";
import { SearchResult } from "@/components/search/search-result";
import { SearchPageSchema, SearchQuerySchema, searchPublishedArticles } from "@/lib/data/search";
import { getSiteSettings } from "@/lib/data/settings";

export const metadata: Metadata = {
  title: "Search",
  robots: { index: false, follow: true },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const typed = (Array.isArray(params.q) ? params.q[0] : params.q) ?? "";
  const parsed = SearchQuerySchema.safeParse(params.q);
  const query = parsed.success ? parsed.data : "";
  const error = parsed.success ? undefined : (parsed.error.issues[0]?.message ?? "That search could not be run.");
  const page = SearchPageSchema.parse(params.page);

  const [settings, results] = await Promise.all([getSiteSettings(), query ? searchPublishedArticles(query, page) : null]);

  return (
    <>
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <SearchForm defaultValue={parsed.success ? query : typed} error={error} />

      {results && results.total === 0 && (
        <div className="mt-10">
          <h2 className="font-serif text-2xl font-bold">No results for “{query}”</h2>
          <p className="mt-2 text-muted">
            Tip: check the spelling, or try fewer or more general words, such as a place, a person or a topic. Search
            finds whole words in headlines, summaries and article text.
          </p>
        </div>
      )}

      {results && results.total > 0 && (
        <section aria-labelledby="search-results-heading" className="mt-10">
          <h2 id="search-results-heading" className="border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600">
            {results.total === 1 ? "1 result" : `${results.total} results`} for “{query}”
            {results.totalPages > 1 && ` · page ${results.page} of ${results.totalPages}`}
          </h2>
          {results.items.length === 0 ? (
            <p className="mt-5">
              There is no page {results.page} of results.{" "}
              <Link href={searchHref(query, 1)} className="font-semibold underline">
                Go to the first page
              </Link>
            </p>
          ) : (
            <ol className="mt-5 space-y-5">
              {results.items.map((result) => (
                <li key={result.id}>
                  <SearchResult result={result} locale={settings.locale} timeZone={settings.timeZone} />
                </li>
              ))}
            </ol>
          )}
          {results.items.length > 0 && <SearchPagination query={query} page={results.page} totalPages={results.totalPages} />}
        </section>
      )}
    </>
  );
}
