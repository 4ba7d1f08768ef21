/** /es/{section}/{slug}: an article of the Spanish edition (app/(public)/article-document.tsx). */
import { articleResponse } from "@/app/(public)/article-document";

export const dynamic = "force-static";
export const revalidate = 3600;
export { generateStaticParams } from "@/app/(public)/on-demand";

export async function GET(_request: Request, { params }: { params: Promise<{ section: string; slug: string }> }) {
  return articleResponse("es", await params);
}
