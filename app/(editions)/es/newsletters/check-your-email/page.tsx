/** /es/newsletters/check-your-email: where every sign-up lands, in Spanish ((public)/newsletters/newsletter-pages.tsx). */
import { CheckYourEmailPage, newsletterMetadata } from "@/app/(public)/newsletters/newsletter-pages";

// Per request, like the edition's search page: built without the edition in the database, it would otherwise be
// prerendered as the edition's 404.
export const dynamic = "force-dynamic";
export const generateMetadata = () => newsletterMetadata("es", "nlCheckTitle");

export default function Page() {
  return <CheckYourEmailPage code="es" />;
}
