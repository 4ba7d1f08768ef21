/**
 * /author/{slug}/atom.xml: an author's latest articles (as any co-author) as Atom 1.0; 404 when the author has no
 * public page. Rendered on first request and cached, refreshed by a publish of theirs (lib/feeds/routes.ts).
 */
import { feedResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return feedResponse("atom", { kind: "author", slug });
}
