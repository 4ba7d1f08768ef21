/** /: the default edition's front page, a document rendered without the RSC pass (./home-document.tsx, decision 0034). */
import { homeResponse } from "./home-document";

// Kept as an ISR entry like a page: re-rendered when a publish expires its tags (or after an hour).
export const dynamic = "force-static";
export const revalidate = 3600;

export async function GET() {
  return homeResponse(null);
}
