/** /es/newsletters/preferences?token=…: a reader's lists, from the signed link in every e-mail, in Spanish ((public)/newsletters/subscription-pages.tsx). */
import { newsletterMetadata, type SearchParams } from "@/app/(public)/newsletters/newsletter-pages";
import { PreferencesPage } from "@/app/(public)/newsletters/subscription-pages";

export const generateMetadata = () => newsletterMetadata("es", "nlPreferencesTitle");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <PreferencesPage code="es" searchParams={searchParams} />;
}
