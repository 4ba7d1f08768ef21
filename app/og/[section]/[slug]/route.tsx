/**
 * A generated Open Graph image (1200×630) for articles without a featured image: headline and section on the
 * site's colours. Rendered with next/og's bundled font, cached like the article and refreshed with it.
 */
import { ImageResponse } from "next/og";
import { getPublishedArticle } from "@/lib/data/articles";
import { getSiteSettings } from "@/lib/data/settings";

export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Context = { params: Promise<{ section: string; slug: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { section, slug } = await params;
  const [article, settings] = await Promise.all([getPublishedArticle(section, slug), getSiteSettings()]);
  if (!article) return new Response("Not found", { status: 404 });
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#fffdf8", padding: 64, borderTop: "18px solid #a4161a" }}>
        <div style={{ display: "flex", fontSize: 30, color: "#a4161a", textTransform: "uppercase", letterSpacing: 3 }}>{article.section.name}</div>
        <div style={{ display: "flex", fontSize: article.headline.length > 90 ? 52 : 64, fontWeight: 700, color: "#111418", lineHeight: 1.15 }}>{article.headline}</div>
        <div style={{ display: "flex", fontSize: 30, color: "#4b5563" }}>{settings.siteName}</div>
      </div>
    ),
    { width: 1200, height: 630 },
  );
}
