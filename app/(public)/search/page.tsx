/** /search?q=…&page=n: the default edition's search (./search-pages.tsx); rendered per request. */
import { SearchFormPage, searchMetadata } from "./search-pages";

export const generateMetadata = () => searchMetadata(null);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function SearchPage({ searchParams }: Props) {
  return <SearchFormPage code={null} searchParams={searchParams} />;
}
