/**
 * /sitemaps/{n}.xml: chunk n of the sitemap index, used once the site has more than 50,000 URLs (404 before that).
 * The segment is the whole file name ("2.xml"): a dynamic segment cannot carry a fixed extension.
 */
import { sitemapChunkResponse } from "@/lib/feeds/routes";

export const revalidate = 3600;

export async function generateStaticParams(): Promise<{ file: string }[]> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  return sitemapChunkResponse(file);
}
