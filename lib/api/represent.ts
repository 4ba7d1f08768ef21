/**
 * Dateline's own JSON for the Content API: an article as the public site shows it, with absolute URLs (the site's
 * page, the API's own URL, images and their renditions). Pure: routes pass the rows from lib/data/api/content.ts
 * and the site's URL. The OpenAPI document (./openapi.ts) describes exactly these shapes; tests hold them to it.
 */
import type { ApiArticle, ApiArticleSummary } from "@/lib/data/api/content";
import { mediaUrl, readVariants } from "@/lib/media/keys";

export type Rendition = { url: string; width: number; height: number; contentType: string };

type ImageRow = NonNullable<ApiArticleSummary["featuredImage"]>;

const CONTENT_TYPES: Record<string, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png", gif: "image/gif" };

function imageContentType(url: string): string {
  const ext = url.slice(url.lastIndexOf(".") + 1).toLowerCase();
  return CONTENT_TYPES[ext === "jpg" ? "jpeg" : ext] ?? "application/octet-stream";
}

/** The featured image: the original and its generated variants (responsive widths and the Open Graph crop). */
export function representImage(image: ImageRow, siteUrl: string) {
  const url = `${siteUrl}/${image.storageKey}`;
  const renditions: Rendition[] = [
    { url, width: image.width, height: image.height, contentType: imageContentType(url) },
    ...readVariants(image.variants)
      .filter((v) => v.kind !== "master")
      .map((v) => ({ url: `${siteUrl}${mediaUrl(v.key)}`, width: v.width, height: v.height, contentType: CONTENT_TYPES[v.format] ?? "application/octet-stream" })),
  ];
  return { url, width: image.width, height: image.height, alt: image.alt, caption: image.caption, credit: image.credit, renditions };
}

export function articleLinks(article: { id: string; slug: string; section: { slug: string } }, siteUrl: string) {
  return { url: `${siteUrl}/${article.section.slug}/${article.slug}`, apiUrl: `${siteUrl}/api/v1/articles/${article.id}` };
}

export function representSummary(article: ApiArticleSummary, siteUrl: string) {
  return {
    id: article.id,
    ...articleLinks(article, siteUrl),
    slug: article.slug,
    headline: article.headline,
    dek: article.dek,
    dateline: article.datelineCity,
    section: { name: article.section.name, slug: article.section.slug },
    authors: article.authors.map((a) => ({ id: a.id, name: a.name, slug: a.slug, url: `${siteUrl}/author/${a.slug}` })),
    tags: article.tags.map((t) => ({ name: t.name, slug: t.slug })),
    publishedAt: article.publishedAt.toISOString(),
    updatedAt: (article.revisedAt ?? article.publishedAt).toISOString(),
    isLive: article.isLiveNow,
    featuredImage: article.featuredImage ? representImage(article.featuredImage, siteUrl) : null,
  };
}

export function representArticle(article: ApiArticle, siteUrl: string) {
  return {
    ...representSummary(article, siteUrl),
    bodyHtml: article.bodyHtml,
    bodyText: article.bodyText,
    corrections: article.corrections.map((c) => ({ kind: c.kind.toLowerCase(), text: c.text, publishedAt: c.publishedAt.toISOString() })),
  };
}
