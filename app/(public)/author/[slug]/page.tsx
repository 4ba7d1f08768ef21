/** /author/{slug}: an author's public profile and their newest published articles. ISR, refreshed by the author's cache tag. */
import { authorListing } from "./author-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../../on-demand";
export const generateMetadata = authorListing.first.generateMetadata;
export default authorListing.first.Page;
