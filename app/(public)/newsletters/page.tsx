/** /newsletters: every list, to sign up for (./newsletter-pages.tsx). */
import { NewslettersPage, newsletterMetadata, type SearchParams } from "./newsletter-pages";

export const generateMetadata = () => newsletterMetadata(null, "nlTitle", true);

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <NewslettersPage code={null} searchParams={searchParams} />;
}
