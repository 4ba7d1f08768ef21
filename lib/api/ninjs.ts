/**
 * An article as IPTC ninjs 3.1 ("News in JSON"), the news industry's JSON format: the Content API answers with it
 * when asked (`Accept: application/ninjs+json` or `?format=ninjs`). Field by field: uri (the article's public URL),
 * headlines, descriptions (the dek), bodies (HTML and plain text), by and people (the byline), subjects (the section
 * and tags), located and places (the dateline), associations (the featured image with its renditions, and each published
 * translation as an "alternate" with its language, as hreflang links a page's), rights from the settings. The
 * article's URLs, section and tag names and `language` are its edition's (the default edition's language stays the
 * site's locale setting, as before editions). Lists carry partial items (no bodies). Tests validate every item against IPTC's published schema.
 */
import type { ApiArticle, ApiArticleSummary } from "@/lib/data/api/content";
import { articleLinks, authorUrl, representImage, translationsOf, type Site } from "./represent";

export const NINJS_MEDIA_TYPE = "application/ninjs+json";
const NINJS_PROFILE = "https://iptc.org/std/ninjs/3.1/";

/** `language`: the site's locale setting, the default edition's language tag. */
export type NinjsContext = { site: Site; siteName: string; language: string; rightsInfo: string };

function featureImage(image: ReturnType<typeof representImage>) {
  return {
    name: "featureimage",
    rel: "featured",
    uri: image.url,
    type: "picture" as const,
    ...(image.caption || image.alt ? { headlines: [{ value: image.caption || image.alt }] } : {}),
    ...(image.alt ? { descriptions: [{ role: "alt", contentType: "text/plain", value: image.alt }] } : {}),
    ...(image.credit ? { by: image.credit } : {}),
    renditions: image.renditions.map((r, i) => ({ name: i === 0 ? "original" : `${r.width}w-${r.contentType.split("/")[1]}`, href: r.url, contentType: r.contentType, width: r.width, height: r.height })),
  };
}

function ninjsBase(article: ApiArticleSummary, context: NinjsContext) {
  const { site } = context;
  const siteUrl = site.url;
  const { url } = articleLinks(article, site);
  const edition = site.editions.editions.find((e) => e.id === article.editionId);
  const section = site.editions.section(article.editionId, article.section);
  const prefix = site.editions.prefix(article.editionId);
  const names = article.authors.map((a) => a.name);
  const usageTerms = context.rightsInfo || `© ${context.siteName}. All rights reserved.`;
  const image = article.featuredImage ? representImage(article.featuredImage, siteUrl) : null;
  const translations = translationsOf(article, site).map((t) => ({
    name: `translation-${t.language}`,
    rel: "alternate",
    uri: t.url,
    type: "text" as const,
    language: t.language,
    headlines: [{ role: "main", value: t.headline }],
  }));
  return {
    uri: url,
    type: "text" as const,
    profile: NINJS_PROFILE,
    version: String(Math.floor((article.revisedAt ?? article.publishedAt).getTime() / 1000)),
    firstCreated: article.publishedAt.toISOString(),
    versionCreated: (article.revisedAt ?? article.publishedAt).toISOString(),
    pubStatus: "usable" as const,
    language: edition && !edition.isDefault ? edition.id : context.language,
    copyrightHolder: context.siteName,
    copyrightNotice: `© ${context.siteName}`,
    usageTerms,
    rightsInfo: { encodedRights: usageTerms },
    altIds: [{ role: "dateline:id", value: article.id }],
    headlines: [{ role: "main", value: article.headline }],
    ...(article.dek ? { descriptions: [{ role: "summary", contentType: "text/plain", value: article.dek }] } : {}),
    ...(names.length ? { by: names.join(", ") } : {}),
    people: article.authors.map((a) => ({ name: a.name, rel: "author", uri: authorUrl(site, article.editionId, a.slug) })),
    subjects: [
      { name: section.name, rel: "section", uri: `${siteUrl}${prefix}/${section.slug}` },
      ...article.tags.map((t) => site.editions.tag(article.editionId, t)).map((t) => ({ name: t.name, rel: "tag", uri: `${siteUrl}${prefix}/tag/${t.slug}` })),
    ],
    ...(article.datelineCity ? { located: article.datelineCity, places: [{ name: article.datelineCity, rel: "dateline" }] } : {}),
    ...(image || translations.length ? { associations: [...(image ? [featureImage(image)] : []), ...translations] } : {}),
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
