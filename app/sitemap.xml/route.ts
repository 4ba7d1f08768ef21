/**
 * /sitemap.xml: a route handler rather than Next's sitemap.ts, because past 50,000 URLs this URL must become a
 * sitemap index of /sitemaps/{n}.xml, which the metadata convention cannot produce (generateSitemaps gives no index).
 * Cached, and refreshed by any publish (lib/feeds/routes.ts).
 */
import { sitemapResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export function GET(): Promise<Response> {
  return sitemapResponse();
}
