/** /newsletters/preferences?token=…: a reader's lists, from the signed link in every e-mail (../subscription-pages.tsx). */
import { newsletterMetadata, type SearchParams } from "../newsletter-pages";
import { PreferencesPage } from "../subscription-pages";

export const generateMetadata = () => newsletterMetadata(null, "nlPreferencesTitle");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <PreferencesPage code={null} searchParams={searchParams} />;
}
