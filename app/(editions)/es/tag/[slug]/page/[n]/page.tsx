/** /es/tag/{slug}/page/{n}: older pages of a tag's Spanish list. */
import { tagListing } from "@/app/(public)/tag/[slug]/tag-listing";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
const listing = tagListing("es").numbered;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
