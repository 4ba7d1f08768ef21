/** /es/{section}/{slug}/feed.json: a Spanish live story's entries as JSON Feed 1.1, newest first (lib/feeds/routes.ts). */
import { liveFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";
export const GET = liveFeedHandler("json", "es");
