/** /es/{section}: a section's newest Spanish articles (page 1), under the section's Spanish slug. */
import { sectionListing } from "@/app/(public)/[section]/section-listing";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
const listing = sectionListing("es").first;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
