/** /news-sitemap.xml: the Google News sitemap (the last 48 hours). Cached, refreshed by any publish. */
import { newsSitemapResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export function GET(): Promise<Response> {
  return newsSitemapResponse();
}
