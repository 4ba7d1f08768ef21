/** /es/author/{slug}/feed.json: an author's latest Spanish articles as JSON Feed 1.1, in Spanish (lib/feeds/routes.ts). */
import { scopedFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
export const GET = scopedFeedHandler("json", "author", "es");
