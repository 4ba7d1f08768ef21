/** /es/author/{slug}: an author's profile and their Spanish articles (page 1). */
import { authorListing } from "@/app/(public)/author/[slug]/author-listing";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
const listing = authorListing("es").first;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
