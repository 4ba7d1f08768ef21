/** /es/author/{slug}/feed.xml: an author's latest Spanish articles as RSS 2.0, in Spanish (lib/feeds/routes.ts). */
import { scopedFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
export const GET = scopedFeedHandler("rss", "author", "es");
