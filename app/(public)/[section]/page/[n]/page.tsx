/** /{section}/page/{n}: older pages of a section's list; /page/1 redirects to the section's own URL. ISR like page 1. */
import { sectionListing } from "../../section-listing";

export const revalidate = 3600;
export { generateStaticParams } from "../../../on-demand";
const listing = sectionListing().numbered;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
