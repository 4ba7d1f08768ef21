/** /es/search?q=…: the Spanish edition's search (Spanish articles only, Spanish stemming, accents ignored). */
import { SearchFormPage, searchMetadata } from "@/app/(public)/search/search-pages";

export const generateMetadata = () => searchMetadata("es");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function SearchPage({ searchParams }: Props) {
  return <SearchFormPage code="es" searchParams={searchParams} />;
}
