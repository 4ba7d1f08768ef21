/** /es/tag/{slug}: a tag's newest Spanish articles (page 1), under the tag's Spanish slug. */
import { tagListing } from "@/app/(public)/tag/[slug]/tag-listing";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
const listing = tagListing("es").first;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
