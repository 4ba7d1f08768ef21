/** /es/{section}/feed.json: a section's latest Spanish articles as JSON Feed 1.1, in Spanish (lib/feeds/routes.ts). */
import { scopedFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
export const GET = scopedFeedHandler("json", "section", "es");
