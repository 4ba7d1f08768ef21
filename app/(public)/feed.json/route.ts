/** /feed.json: the site's latest articles as JSON Feed 1.1. Cached, and refreshed by any publish (lib/feeds/routes.ts). */
import { feedResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export function GET(): Promise<Response> {
  return feedResponse("json", { kind: "site" });
}
