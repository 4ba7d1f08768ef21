/**
 * An article as IPTC ninjs 3.1 ("News in JSON"), the news industry's JSON format: the Content API answers with it
 * when asked (`Accept: application/ninjs+json` or `?format=ninjs`). Field by field: uri (the article's public URL),
 * headlines, descriptions (the dek), bodies (HTML and plain text), by and people (the byline), subjects (the section
 * and tags), located and places (the dateline), associations (the featured image with its renditions), rights from
 * the settings. Lists carry partial items (no bodies). Tests validate every item against IPTC's published schema.
 */
import type { ApiArticle, ApiArticleSummary } from "@/lib/data/api/content";
import { articleLinks, representImage } from "./represent";

export const NINJS_MEDIA_TYPE = "application/ninjs+json";
const NINJS_PROFILE = "https://iptc.org/std/ninjs/3.1/";

export type NinjsContext = { siteUrl: string; siteName: string; language: string; rightsInfo: string };

function ninjsBase(article: ApiArticleSummary, context: NinjsContext) {
  const { url } = articleLinks(article, context.siteUrl);
  const names = article.authors.map((a) => a.name);
  const usageTerms = context.rightsInfo || `© ${context.siteName}. All rights reserved.`;
  const image = article.featuredImage ? representImage(article.featuredImage, context.siteUrl) : null;
  return {
    uri: url,
    type: "text" as const,
    profile: NINJS_PROFILE,
    version: String(Math.floor((article.revisedAt ?? article.publishedAt).getTime() / 1000)),
    firstCreated: article.publishedAt.toISOString(),
    versionCreated: (article.revisedAt ?? article.publishedAt).toISOString(),
    pubStatus: "usable" as const,
    language: context.language,
    copyrightHolder: context.siteName,
    copyrightNotice: `© ${context.siteName}`,
    usageTerms,
    rightsInfo: { encodedRights: usageTerms },
    altIds: [{ role: "dateline:id", value: article.id }],
    headlines: [{ role: "main", value: article.headline }],
    ...(article.dek ? { descriptions: [{ role: "summary", contentType: "text/plain", value: article.dek }] } : {}),
    ...(names.length ? { by: names.join(", ") } : {}),
    people: article.authors.map((a) => ({ name: a.name, rel: "author", uri: `${context.siteUrl}/author/${a.slug}` })),
    subjects: [
      { name: article.section.name, rel: "section", uri: `${context.siteUrl}/${article.section.slug}` },
      ...article.tags.map((t) => ({ name: t.name, rel: "tag", uri: `${context.siteUrl}/tag/${t.slug}` })),
    ],
    ...(article.datelineCity ? { located: article.datelineCity, places: [{ name: article.datelineCity, rel: "dateline" }] } : {}),
    ...(image
      ? {
          associations: [
            {
              name: "featureimage",
              rel: "featured",
              uri: image.url,
              type: "picture" as const,
              ...(image.caption || image.alt ? { headlines: [{ value: image.caption || image.alt }] } : {}),
              ...(image.alt ? { descriptions: [{ role: "alt", contentType: "text/plain", value: image.alt }] } : {}),
              ...(image.credit ? { by: image.credit } : {}),
              renditions: image.renditions.map((r, i) => ({ name: i === 0 ? "original" : `${r.width}w-${r.contentType.split("/")[1]}`, href: r.url, contentType: r.contentType, width: r.width, height: r.height })),
            },
          ],
        }
      : {}),
  };
}

/** A list's item: everything but the bodies (representationType "partial"). */
export function ninjsSummary(article: ApiArticleSummary, context: NinjsContext) {
  return { ...ninjsBase(article, context), representationType: "partial" as const };
}

export function ninjsArticle(article: ApiArticle, context: NinjsContext) {
  const words = article.bodyText.split(/\s+/).filter(Boolean).length;
  return {
    ...ninjsBase(article, context),
    representationType: "full" as const,
    bodies: [
      { role: "main", contentType: "text/html", value: article.bodyHtml },
      { role: "main", contentType: "text/plain", value: article.bodyText, charCount: article.bodyText.length, wordCount: words },
    ],
  };
}
