/**
 * /author/{slug}/feed.xml: an author's latest articles (as any co-author) as RSS 2.0; 404 when the author has no
 * public page. Rendered on first request and cached, refreshed by a publish of theirs (lib/feeds/routes.ts).
 */
import { scopedFeedHandler } from "@/lib/feeds/routes";

export const revalidate = 3600;
export { generateStaticParams } from "../../../on-demand";
export const GET = scopedFeedHandler("rss", "author");
