/**
 * A generated Open Graph image (1200×630) for articles without a featured image: headline and section on the
 * site's colours. Rendered with next/og's bundled font, cached like the article and refreshed with it.
 */
import { ImageResponse } from "next/og";
import { getPublishedArticle } from "@/lib/data/articles/public";
import { getSiteSettings } from "@/lib/data/settings";

export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Context = { params: Promise<{ section: string; slug: string }> };

/** The card: headline and section on the site's colours. */
function renderCard(headline: string, section: string, siteName: string) {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#fffdf8", padding: 64, borderTop: "18px solid #a4161a" }}>
        <div style={{ display: "flex", fontSize: 30, color: "#a4161a", textTransform: "uppercase", letterSpacing: 3 }}>{section}</div>
        <div style={{ display: "flex", fontSize: headline.length > 90 ? 52 : 64, fontWeight: 700, color: "#111418", lineHeight: 1.15 }}>{headline}</div>
        <div style={{ display: "flex", fontSize: 30, color: "#4b5563" }}>{siteName}</div>
      </div>
    ),
    { width: 1200, height: 630 },
  );
}

/** Only what the bundled Latin font draws: no emoji, other scripts, or invisible controls. */
function toBundledFontText(value: string): string {
  return value.replace(/[^\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u2030-\u205e]/gu, "").replace(/\s+/g, " ").trim();
}

export async function GET(_request: Request, { params }: Context) {
  const { section, slug } = await params;
  const [article, settings] = await Promise.all([getPublishedArticle(section, slug), getSiteSettings()]);
  if (!article) return new Response("Not found", { status: 404 });
  // Only the bundled font's characters are drawn: for any other glyph (emoji, other scripts, noncharacters) next/og
  // fetches a font or image from the network while rendering, which a server without internet cannot do and which
  // would put a third party in the path of every card.
  const image = renderCard(toBundledFontText(article.headline), toBundledFontText(article.section.name), toBundledFontText(settings.siteName));
  // Rendered here rather than streamed, so the cached response is a whole image.
  return new Response(await image.arrayBuffer(), { headers: image.headers });
}
