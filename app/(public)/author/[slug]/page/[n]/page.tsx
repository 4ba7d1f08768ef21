/** /author/{slug}/page/{n}: older pages of an author's articles; /page/1 redirects to the author's own URL. ISR like page 1. */
import { authorListing } from "../../author-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../../../../on-demand";
const listing = authorListing().numbered;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
