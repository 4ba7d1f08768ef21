/** /es/{section}/atom.xml: a section's latest Spanish articles as Atom 1.0, in Spanish (lib/feeds/routes.ts). */
import { scopedFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
export const GET = scopedFeedHandler("atom", "section", "es");
