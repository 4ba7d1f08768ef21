/**
 * The cacheable form of /search?q=…&page=n, which proxy.ts rewrites here (the address bar keeps /search?q=…).
 * Cached like the other public lists (ISR, expired through the "latest" tag the results carry when any published
 * article changes); one cache entry per normalized query and page. The query is base64url in the path
 * (lib/validation/search.ts); anything that does not decode to a valid query is a 404.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SearchView } from "@/components/search/search-view";
import { searchPublishedArticles } from "@/lib/data/search";
import { getSiteSettings } from "@/lib/data/settings";
import { decodeSearchResultsQuery, SEARCH_MAX_PAGE, SearchQuerySchema } from "@/lib/validation/search";

export const revalidate = 3600;
export { generateStaticParams } from "../../../../on-demand";

export const metadata: Metadata = {
  title: "Search",
  robots: { index: false, follow: true },
};

type Props = { params: Promise<{ query: string; page: string }> };

export default async function SearchResultsPage({ params }: Props) {
  const { query: segment, page: pageSegment } = await params;
  const decoded = decodeSearchResultsQuery(segment);
  const parsed = SearchQuerySchema.safeParse(decoded ?? undefined);
  const page = /^[1-9][0-9]*$/.test(pageSegment) ? Number(pageSegment) : 0;
  if (decoded === null || !parsed.success || parsed.data === "" || parsed.data !== decoded || page < 1 || page > SEARCH_MAX_PAGE) notFound();

  const [settings, results] = await Promise.all([getSiteSettings(), searchPublishedArticles(parsed.data, page)]);
  return <SearchView typed={parsed.data} query={parsed.data} results={results} locale={settings.locale} timeZone={settings.timeZone} />;
}
