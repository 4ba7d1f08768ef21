/** /author/{slug}: an author's public profile and their newest published articles. ISR, refreshed by the author's cache tag. */
import { authorListing } from "./author-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../../on-demand";
const listing = authorListing().first;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
