/**
 * /{section}/atom.xml: a section's latest articles as Atom 1.0; 404 for an unknown section. Rendered on first request
 * and cached (no params at build time), refreshed by a publish in the section (lib/feeds/routes.ts).
 */
import { scopedFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "../../on-demand";
export const GET = scopedFeedHandler("atom", "section");
