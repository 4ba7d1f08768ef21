/** /es/search?q=…: the Spanish edition's search (Spanish articles only, Spanish stemming, accents ignored). */
import { SearchFormPage, searchMetadata } from "@/app/(public)/search/search-pages";

// Per request, like /search (which reading the query makes dynamic): built without the edition in the database, it
// would otherwise be prerendered as the edition's 404.
export const dynamic = "force-dynamic";
export const generateMetadata = () => searchMetadata("es");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function SearchPage({ searchParams }: Props) {
  return <SearchFormPage code="es" searchParams={searchParams} />;
}
