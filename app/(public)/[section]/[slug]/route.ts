/** /{section}/{slug}: an article of the default edition, a document rendered without the RSC pass (app/(public)/article-document.tsx). */
import { articleResponse } from "../../article-document";

// Kept as an ISR entry like a page: rendered on its first request, then served from the cache until a publish
// expires its tags (or an hour passes).
export const dynamic = "force-static";
export const revalidate = 3600;
export { generateStaticParams } from "../../on-demand";

export async function GET(_request: Request, { params }: { params: Promise<{ section: string; slug: string }> }) {
  return articleResponse(null, await params);
}
