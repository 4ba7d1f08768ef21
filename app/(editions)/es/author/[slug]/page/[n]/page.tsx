/** /es/author/{slug}/page/{n}: older pages of an author's Spanish list. */
import { authorListing } from "@/app/(public)/author/[slug]/author-listing";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
const listing = authorListing("es").numbered;
export const generateMetadata = listing.generateMetadata;
export default listing.Page;
