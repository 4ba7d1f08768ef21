/**
 * /search?q=…&page=n: full-text search over published articles (lib/data/search.ts), kept out of search engines
 * (noindex), since result pages are endless and thin.
 *
 * A valid, non-empty query never renders here: proxy.ts rewrites it to the cacheable results route next door
 * (search/results/[query]/[page]), so a burst of readers searching the news of the day is served from the page
 * cache. This page renders per request for what is left: the empty form and a refused (too long) query.
 */
import type { Metadata } from "next";
import { SearchView } from "@/components/search/search-view";
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
  return <SearchView typed={parsed.success ? query : typed} query={query} error={error} results={results} locale={settings.locale} timeZone={settings.timeZone} />;
}
