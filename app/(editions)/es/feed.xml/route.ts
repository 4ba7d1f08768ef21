/** /es/feed.xml: the Spanish edition's latest articles as RSS 2.0, in Spanish. Cached, and refreshed by any publish. */
import { feedResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export function GET(): Promise<Response> {
  return feedResponse("rss", { kind: "site" }, "es");
}
