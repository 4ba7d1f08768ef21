/** /newsletters/confirm?token=…: the link in the confirmation e-mail (../newsletter-pages.tsx). */
import { ConfirmPage, newsletterMetadata, type SearchParams } from "../newsletter-pages";

export const generateMetadata = () => newsletterMetadata(null, "nlConfirmTitle");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <ConfirmPage code={null} searchParams={searchParams} />;
}
