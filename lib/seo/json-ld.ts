/**
 * Structured data for articles: NewsArticle (every co-author as a Person, corrections, the dateline as
 * locationCreated), LiveBlogPosting for live coverage (Google's LIVE badge) and a BreadcrumbList. Serialized so a headline can never close the <script> element.
 */
import { isoWithOffset } from "@/lib/dates";
import { entryAnchor, type LiveEntryView } from "@/lib/live/view";

type ArticleForLd = {
  headline: string;
  dek: string;
  publishedAt: Date;
  revisedAt: Date | null;
  datelineCity: string;
  section: { name: string; slug: string };
  slug: string;
  authors: { name: string; slug: string }[];
  corrections: { text: string; publishedAt: Date }[];
  imageUrl: string;
};

/** `prefix`: the edition's URL prefix ("" for the default edition); `inLanguage`: its language ("es"). */
type Site = { siteName: string; timeZone: string; siteUrl: string; logoUrl: string; prefix?: string; inLanguage?: string };

export function newsArticleJsonLd(article: ArticleForLd, site: Site) {
  const prefix = site.prefix ?? "";
  const url = `${site.siteUrl}${prefix}/${article.section.slug}/${article.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.headline,
    ...(site.inLanguage ? { inLanguage: site.inLanguage } : {}),
    description: article.dek || undefined,
    image: [article.imageUrl],
    datePublished: isoWithOffset(article.publishedAt, site.timeZone),
    dateModified: isoWithOffset(article.revisedAt ?? article.publishedAt, site.timeZone),
    author: article.authors.map((a) => ({ "@type": "Person", name: a.name, url: `${site.siteUrl}${prefix}/author/${a.slug}` })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: site.siteName,
      url: site.siteUrl,
      logo: { "@type": "ImageObject", url: site.logoUrl },
    },
    articleSection: article.section.name,
    ...(article.datelineCity ? { locationCreated: { "@type": "Place", name: article.datelineCity } } : {}),
    ...(article.corrections.length
      ? {
          correction: article.corrections.map((c) => ({
            "@type": "CorrectionComment",
            text: c.text,
            datePublished: isoWithOffset(c.publishedAt, site.timeZone),
          })),
        }
      : {}),
  };
}

/**
 * Live coverage as Google documents it: the article's fields, coverageStartTime and (once it ended)
 * coverageEndTime, and one BlogPosting per entry, newest first, each with its anchor on the page as its URL.
 */
export function liveBlogPostingJsonLd(article: ArticleForLd, live: { startAt: Date; endAt: Date | null }, entries: LiveEntryView[], site: Site) {
  const base = newsArticleJsonLd(article, site);
  const latest = entries.reduce<string | null>((at, e) => (at === null || Date.parse(e.postedAt) > Date.parse(at) ? e.postedAt : at), null);
  return {
    ...base,
    "@type": "LiveBlogPosting",
    ...(latest && Date.parse(latest) > Date.parse(base.dateModified) ? { dateModified: latest } : {}),
    coverageStartTime: isoWithOffset(live.startAt, site.timeZone),
    ...(live.endAt ? { coverageEndTime: isoWithOffset(live.endAt, site.timeZone) } : {}),
    liveBlogUpdate: entries.map((e) => ({
      "@type": "BlogPosting",
      headline: (e.title || e.text).slice(0, 110),
      datePublished: e.postedAt,
      articleBody: e.text,
      url: `${base.url}#${entryAnchor(e.id)}`,
      ...(e.authors.length ? { author: e.authors.map((a) => ({ "@type": "Person", name: a.name, url: `${site.siteUrl}/author/${a.slug}` })) } : {}),
    })),
  };
}

export function breadcrumbJsonLd(items: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({ "@type": "ListItem", position: index + 1, name: item.name, item: item.url })),
  };
}

/** JSON for a <script type="application/ld+json">: "<" is escaped so no string can end the script. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
