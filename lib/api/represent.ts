/**
 * Dateline's own JSON for the Content API: an article as the public site shows it in its edition, with absolute
 * URLs (the site's page in the article's edition, the API's own URL, images and their renditions) and its published
 * translations. Pure: routes pass the rows from lib/data/api/content.ts and a Site (the URL, the editions, the
 * page's translations). The OpenAPI document (./openapi.ts) describes exactly these shapes; tests hold them to it.
 */
import type { ApiArticle, ApiArticleSummary, ApiTranslation } from "@/lib/data/api/content";
import { mediaUrl, readVariants } from "@/lib/media/keys";
import type { ApiEditions } from "./editions";

/** What turns rows into URLs and names: the site's URL, its editions, and the translations of the articles at hand. */
export type Site = { url: string; editions: ApiEditions; translations: ApiTranslation[] };

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

type Located = { id: string; slug: string; editionId: string; section: { name: string; slug: string } };

/** An article's page in its edition (`/es/economia/…`) and its API URL. */
export function articleLinks(article: Located, site: Site) {
  const section = site.editions.section(article.editionId, article.section);
  return { url: `${site.url}${site.editions.prefix(article.editionId)}/${section.slug}/${article.slug}`, apiUrl: `${site.url}/api/v1/articles/${article.id}` };
}

/** The other published members of the article's translation group, each at its URL in its edition. */
export function translationsOf(article: { id: string; translationGroupId: string | null }, site: Site) {
  return site.translations
    .filter((t) => t.groupId === article.translationGroupId && t.id !== article.id)
    .map((t) => ({ language: t.editionId, headline: t.headline, ...articleLinks({ ...t, section: { name: "", slug: t.sectionSlug } }, site) }));
}

export const authorUrl = (site: Site, editionId: string, slug: string) => `${site.url}${site.editions.prefix(editionId)}/author/${slug}`;

export function representSummary(article: ApiArticleSummary, site: Site) {
  const siteUrl = site.url;
  const section = site.editions.section(article.editionId, article.section);
  return {
    id: article.id,
    ...articleLinks(article, site),
    language: article.editionId,
    slug: article.slug,
    headline: article.headline,
    dek: article.dek,
    dateline: article.datelineCity,
    section: { name: section.name, slug: section.slug },
    authors: article.authors.map((a) => ({ id: a.id, name: a.name, slug: a.slug, url: authorUrl(site, article.editionId, a.slug) })),
    tags: article.tags.map((t) => site.editions.tag(article.editionId, { name: t.name, slug: t.slug })),
    publishedAt: article.publishedAt.toISOString(),
    updatedAt: (article.revisedAt ?? article.publishedAt).toISOString(),
    isLive: article.isLiveNow,
    featuredImage: article.featuredImage ? representImage(article.featuredImage, siteUrl) : null,
    translations: translationsOf(article, site),
  };
}

export function representArticle(article: ApiArticle, site: Site) {
  return {
    ...representSummary(article, site),
    bodyHtml: article.bodyHtml,
    bodyText: article.bodyText,
    corrections: article.corrections.map((c) => ({ kind: c.kind.toLowerCase(), text: c.text, publishedAt: c.publishedAt.toISOString() })),
  };
}
