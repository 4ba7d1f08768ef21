/** /{section}: a section's newest published articles (page 1 of its list). ISR, refreshed by the section's cache tag. */
import { sectionListing } from "./section-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../on-demand";
const listing = sectionListing().first;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
