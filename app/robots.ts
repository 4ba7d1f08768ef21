/**
 * /robots.txt: crawl the public site, not the staff areas, and find both sitemaps. The sitemap URLs are absolute,
 * as the protocol requires, so they come from the configured site URL (lib/feeds/site-url.ts).
 */
import type { MetadataRoute } from "next";
import { getPublicSiteUrl } from "@/lib/feeds/site-url";

export default function robots(): MetadataRoute.Robots {
  const siteUrl = getPublicSiteUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/dashboard", "/admin", "/api", "/login"] },
    sitemap: [`${siteUrl}/sitemap.xml`, `${siteUrl}/news-sitemap.xml`],
  };
}
