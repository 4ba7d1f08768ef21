/** /feed.xml: the site's latest articles as RSS 2.0. Cached, and refreshed by any publish (lib/feeds/routes.ts). */
import { feedResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export function GET(): Promise<Response> {
  return feedResponse("rss", { kind: "site" });
}
