/** /es/{section}/{slug}/feed.xml: a Spanish live story's entries as RSS 2.0, newest first (lib/feeds/routes.ts). */
import { liveFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
export const GET = liveFeedHandler("rss", "es");
