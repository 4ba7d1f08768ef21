/** /tag/{slug}/page/{n}: older pages of a tag's list; /page/1 redirects to the tag's own URL. ISR like page 1. */
import { tagListing } from "../../tag-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../../../../on-demand";
const listing = tagListing().numbered;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
