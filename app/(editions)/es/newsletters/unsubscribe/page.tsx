/** /es/newsletters/unsubscribe?token=…: the footer link of every e-mail, in Spanish ((public)/newsletters/subscription-pages.tsx). */
import { newsletterMetadata, type SearchParams } from "@/app/(public)/newsletters/newsletter-pages";
import { UnsubscribePage } from "@/app/(public)/newsletters/subscription-pages";

export const generateMetadata = () => newsletterMetadata("es", "nlUnsubscribeTitle");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <UnsubscribePage code="es" searchParams={searchParams} />;
}
