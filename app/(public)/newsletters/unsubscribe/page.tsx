/** /newsletters/unsubscribe?token=…: the footer link of every e-mail (../subscription-pages.tsx). */
import { newsletterMetadata, type SearchParams } from "../newsletter-pages";
import { UnsubscribePage } from "../subscription-pages";

export const generateMetadata = () => newsletterMetadata(null, "nlUnsubscribeTitle");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <UnsubscribePage code={null} searchParams={searchParams} />;
}
