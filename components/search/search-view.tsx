/**
 * The search page's content: the form, then the results or a helpful "no results". Rendered by the cacheable
 * results route (app/(public)/search/results/…, what proxy.ts serves `/search?q=…` from) and by /search itself for
 * an empty or refused query.
 */
import Link from "next/link";
import { SearchForm } from "@/components/search/search-form";
import { SearchPagination, searchHref } from "@/components/search/search-pagination";
import { SearchResult } from "@/components/search/search-result";
import type { SearchResults } from "@/lib/data/search";

type Props = {
  /** What the form shows: the query, or what was typed when it was refused. */
  typed: string;
  query: string;
  error?: string;
  results: SearchResults | null;
  locale: string;
  timeZone: string;
};

export function SearchView({ typed, query, error, results, locale, timeZone }: Props) {
  const correction = results?.correction;
  return (
    <>
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <SearchForm defaultValue={typed} error={error} />

      {results && results.total === 0 && (
        <div className="mt-10">
          <h2 className="font-serif text-2xl font-bold">No results for “{query}”</h2>
          {correction ? (
            <p className="mt-2 text-lg">
              Did you mean{" "}
              <Link href={searchHref(correction.query, 1)} className="font-semibold italic underline">
                {correction.query}
              </Link>
              ?
            </p>
          ) : (
            <p className="mt-2 text-muted">
              Tip: check the spelling, or try fewer or more general words, such as a place, a person or a topic. Search
              finds whole words in headlines, summaries and article text.
            </p>
          )}
        </div>
      )}

      {results && results.total > 0 && <ResultsSection results={results} locale={locale} timeZone={timeZone} />}
      {correction && <ResultsSection results={correction} locale={locale} timeZone={timeZone} />}
    </>
  );
}

/** A page of results under its count, with the pages of the same query. */
function ResultsSection({ results, locale, timeZone }: { results: SearchResults; locale: string; timeZone: string }) {
  return (
    <section aria-labelledby="search-results-heading" className="mt-10">
      <h2 id="search-results-heading" className="border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600">
        {results.total === 1 ? "1 result" : `${results.total} results`} for “{results.query}”
        {results.totalPages > 1 && ` · page ${results.page} of ${results.totalPages}`}
      </h2>
      {results.items.length === 0 ? (
        <p className="mt-5">
          There is no page {results.page} of results.{" "}
          <Link href={searchHref(results.query, 1)} className="font-semibold underline">
            Go to the first page
          </Link>
        </p>
      ) : (
        <ol className="mt-5 space-y-5">
          {results.items.map((result) => (
            <li key={result.id}>
              <SearchResult result={result} locale={locale} timeZone={timeZone} />
            </li>
          ))}
        </ol>
      )}
      {results.items.length > 0 && <SearchPagination query={results.query} page={results.page} totalPages={results.totalPages} />}
    </section>
  );
}
