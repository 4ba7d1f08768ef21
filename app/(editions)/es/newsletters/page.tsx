/** /es/newsletters: every list, to sign up for, in Spanish ((public)/newsletters/newsletter-pages.tsx). */
import { NewslettersPage, newsletterMetadata, type SearchParams } from "@/app/(public)/newsletters/newsletter-pages";

export const generateMetadata = () => newsletterMetadata("es", "nlTitle", true);

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <NewslettersPage code="es" searchParams={searchParams} />;
}
