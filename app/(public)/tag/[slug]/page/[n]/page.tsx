/** /tag/{slug}/page/{n}: older pages of a tag's list; /page/1 redirects to the tag's own URL. ISR like page 1. */
import { tagListing } from "../../tag-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../../../../on-demand";
export const generateMetadata = tagListing.numbered.generateMetadata;
export default tagListing.numbered.Page;
