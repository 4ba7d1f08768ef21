/** /es/atom.xml: the Spanish edition's latest articles as Atom 1.0, in Spanish. Cached, and refreshed by any publish. */
import { feedResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export function GET(): Promise<Response> {
  return feedResponse("atom", { kind: "site" }, "es");
}
