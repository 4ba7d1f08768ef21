/**
 * The search pages of one edition (`code`: null for the default one), which search only that edition's articles
 * with its text-search configuration (lib/data/search.ts), kept out of search engines (noindex), since result pages
 * are endless and thin.
 *
 * A valid, non-empty query never renders the form page: proxy.ts rewrites it to the cacheable results route
 * (search/results/[query]/[page]), so a burst of readers searching the news of the day is served from the page
 * cache. The form page renders per request for what is left: the empty form and a refused (too long) query.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SearchView } from "@/components/search/search-view";
import { localizeSection } from "@/lib/data/editions";
import { SearchPageSchema, SearchQuerySchema, searchPublishedArticles, type SearchResults } from "@/lib/data/search";
import { loadEdition, type EditionContext } from "@/lib/i18n/edition";
import { decodeSearchResultsQuery, SEARCH_MAX_PAGE, SEARCH_QUERY_MAX_LENGTH } from "@/lib/validation/search";

export async function searchMetadata(code: string | null): Promise<Metadata> {
  const context = await loadEdition(code);
  return { title: context?.text.t("search") ?? "Search", robots: { index: false, follow: true } };
}

async function search(context: EditionContext, query: string, page: number): Promise<SearchResults> {
  const results = await searchPublishedArticles(query, page, { editionId: context.edition.id, searchConfig: context.edition.searchConfig });
  const localize = (r: SearchResults): SearchResults => ({ ...r, items: r.items.map((item) => localizeSection(item, context.names)) });
  return { ...localize(results), correction: results.correction && localize(results.correction) };
}

type FormProps = { code: string | null; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function SearchFormPage({ code, searchParams }: FormProps) {
  const context = await loadEdition(code);
  if (!context) notFound();
  const params = await searchParams;
  const typed = (Array.isArray(params.q) ? params.q[0] : params.q) ?? "";
  const parsed = SearchQuerySchema.safeParse(params.q);
  const query = parsed.success ? parsed.data : "";
  // The one refusal is a query too long (lib/validation/search.ts), said in the edition's language.
  const error = parsed.success ? undefined : context.text.t("searchTooLong", { max: SEARCH_QUERY_MAX_LENGTH });
  const page = SearchPageSchema.parse(params.page);
  const results = query ? await search(context, query, page) : null;
  return <SearchView typed={parsed.success ? query : typed} query={query} error={error} results={results} {...context.dates} text={context.text} />;
}

type ResultsProps = { code: string | null; params: Promise<{ query: string; page: string }> };

/** The query is base64url in the path (lib/validation/search.ts); anything that does not decode to a valid query is a 404. */
export async function SearchResultsPage({ code, params }: ResultsProps) {
  const context = await loadEdition(code);
  if (!context) notFound();
  const { query: segment, page: pageSegment } = await params;
  const decoded = decodeSearchResultsQuery(segment);
  const parsed = SearchQuerySchema.safeParse(decoded ?? undefined);
  const page = /^[1-9][0-9]*$/.test(pageSegment) ? Number(pageSegment) : 0;
  if (decoded === null || !parsed.success || parsed.data === "" || parsed.data !== decoded || page < 1 || page > SEARCH_MAX_PAGE) notFound();
  const results = await search(context, parsed.data, page);
  return <SearchView typed={parsed.data} query={parsed.data} results={results} {...context.dates} text={context.text} />;
}
