/**
 * The cacheable form of /search?q=…&page=n, which proxy.ts rewrites here (the address bar keeps /search?q=…).
 * Cached like the other public lists (ISR, expired through the "latest" tag the results carry when any published
 * article changes); one cache entry per normalized query and page (../../../search-pages.tsx).
 */
import { SearchResultsPage, searchMetadata } from "../../../search-pages";

export const revalidate = 3600;
export { generateStaticParams } from "../../../../on-demand";
export const generateMetadata = () => searchMetadata(null);

type Props = { params: Promise<{ query: string; page: string }> };

export default function Page({ params }: Props) {
  return <SearchResultsPage code={null} params={params} />;
}
