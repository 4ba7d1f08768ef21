/** /es/{section}/page/{n}: older pages of a section's Spanish list. */
import { sectionListing } from "@/app/(public)/[section]/section-listing";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
const listing = sectionListing("es").numbered;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
