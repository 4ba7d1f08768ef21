/** /es/feed.json: the Spanish edition's latest articles as JSON Feed 1.1, in Spanish. Cached, and refreshed by any publish. */
import { feedResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export function GET(): Promise<Response> {
  return feedResponse("json", { kind: "site" }, "es");
}
