/** /tag/{slug}: the newest published articles with this tag (page 1 of the list). ISR, refreshed by the tag's cache tag. */
import { tagListing } from "./tag-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../../on-demand";
const listing = tagListing().first;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
