/** The cacheable form of /es/search?q=…&page=n, which proxy.ts rewrites here. */
import { SearchResultsPage, searchMetadata } from "@/app/(public)/search/search-pages";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
export const generateMetadata = () => searchMetadata("es");

type Props = { params: Promise<{ query: string; page: string }> };

export default function Page({ params }: Props) {
  return <SearchResultsPage code="es" params={params} />;
}
