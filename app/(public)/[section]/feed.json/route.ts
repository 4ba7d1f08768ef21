/**
 * /{section}/feed.json: a section's latest articles as JSON Feed 1.1; 404 for an unknown section. Rendered on first request
 * and cached (no params at build time), refreshed by a publish in the section (lib/feeds/routes.ts).
 */
import { feedResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export async function generateStaticParams(): Promise<{ section: string }[]> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }): Promise<Response> {
  const { section } = await params;
  return feedResponse("json", { kind: "section", slug: section });
}
