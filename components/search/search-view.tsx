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
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

type Props = {
  /** What the form shows: the query, or what was typed when it was refused. */
  typed: string;
  query: string;
  error?: string;
  results: SearchResults | null;
  locale: string;
  timeZone: string;
  text?: ReaderText;
};

export function SearchView({ typed, query, error, results, locale, timeZone, text = ENGLISH_TEXT }: Props) {
  const correction = results?.correction;
  return (
    <>
      <h1 className="font-serif text-4xl font-bold">{text.t("search")}</h1>
      <SearchForm defaultValue={typed} error={error} text={text} />

      {results && results.total === 0 && (
        <div className="mt-10">
          <h2 className="font-serif text-2xl font-bold">{text.t("noResults", { query })}</h2>
          {correction ? (
            <p className="mt-2 text-lg">
              {text.t("didYouMean")}{" "}
              <Link href={searchHref(correction.query, 1, text)} className="font-semibold italic underline">
                {correction.query}
              </Link>
              {text.t("didYouMeanEnd")}
            </p>
          ) : (
            <p className="mt-2 text-muted">{text.t("searchTip")}</p>
          )}
        </div>
      )}

      {results && results.total > 0 && <ResultsSection results={results} locale={locale} timeZone={timeZone} text={text} />}
      {correction && <ResultsSection results={correction} locale={locale} timeZone={timeZone} text={text} />}
    </>
  );
}

/** A page of results under its count, with the pages of the same query. */
function ResultsSection({ results, locale, timeZone, text }: { results: SearchResults; locale: string; timeZone: string; text: ReaderText }) {
  return (
    <section aria-labelledby="search-results-heading" className="mt-10">
      <h2 id="search-results-heading" className="border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600">
        {text.t("results", { count: results.total, total: String(results.total), query: results.query })}
        {results.totalPages > 1 && text.t("pageOf", { page: String(results.page), total: String(results.totalPages) })}
      </h2>
      {results.items.length === 0 ? (
        <p className="mt-5">
          {text.t("noSuchResultsPage", { page: String(results.page) })}{" "}
          <Link href={searchHref(results.query, 1, text)} className="font-semibold underline">
            {text.t("firstPage")}
          </Link>
        </p>
      ) : (
        <ol className="mt-5 space-y-5">
          {results.items.map((result) => (
            <li key={result.id}>
              <SearchResult result={result} locale={locale} timeZone={timeZone} text={text} />
            </li>
          ))}
        </ol>
      )}
      {results.items.length > 0 && <SearchPagination query={results.query} page={results.page} totalPages={results.totalPages} text={text} />}
    </section>
  );
}
