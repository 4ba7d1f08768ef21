/**
 * /{section}/{slug}/feed.xml: a live story's entries as RSS 2.0, newest first; 404 for anything else. Cached like the
 * story's page and refreshed by each entry (lib/feeds/routes.ts).
 */
import { liveFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "../../../on-demand";
export const GET = liveFeedHandler("rss");
