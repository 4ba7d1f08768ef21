/** /es/newsletters/confirm?token=…: the link in the confirmation e-mail, in Spanish ((public)/newsletters/newsletter-pages.tsx). */
import { ConfirmPage, newsletterMetadata, type SearchParams } from "@/app/(public)/newsletters/newsletter-pages";

export const generateMetadata = () => newsletterMetadata("es", "nlConfirmTitle");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <ConfirmPage code="es" searchParams={searchParams} />;
}
