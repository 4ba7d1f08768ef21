/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents from a list of published articles, with the `feed` package.
 * Pure: the caller passes the articles and the site's URL, so every format can be tested without a database.
 *
 * What we add on top of the package, and why:
 * - Each format gets the text in the form it defines. Atom titles and summaries are typed "html", so the headline
 *   and dek are HTML-escaped for Atom (a headline "Why <b> matters" must not turn bold); RSS descriptions are HTML
 *   too; RSS titles and everything in JSON are plain text. Bodies are the sanitized bodyHtml in every format.
 * - RSS gets one <dc:creator> per co-author instead of the package's <author>, which RSS reserves for an email.
 * - The package writes JSON Feed 1.0 with a single author; we upgrade its output to 1.1 with every co-author.
 * - Site-relative links and images in the body become absolute: a feed reader has no page to resolve them against.
 * - Text passes through lib/feeds/xml.ts, which covers what the package does not escape (see there).
 */
import { Feed, type Item } from "feed";
import { escapeHtml } from "@/lib/content/document";
import { type FeedFormat, feedPath } from "./formats";
import { toFeedCdata, toXmlSafeText } from "./xml";

/** What a feed needs of an article (lib/data/distribution.ts returns exactly this). */
export type FeedArticle = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  bodyHtml: string;
  publishedAt: Date;
  revisedAt: Date | null;
  /** Open live coverage: its title says LIVE. */
  isLiveNow?: boolean;
  section: { name: string; slug: string };
  authors: { name: string; slug: string }[];
};

export type FeedChannel = {
  /** Absolute origin without a trailing slash: "https://dateline.example". */
  siteUrl: string;
  siteName: string;
  title: string;
  description: string;
  /** BCP 47, from the settings ("en-US"). */
  language: string;
  /** The HTML page this feed follows: "/", "/energy", "/author/ana-ruiz". */
  pagePath: string;
  /** Where this feed's three files live: "" for the site, "/energy", "/author/ana-ruiz". */
  feedBasePath: string;
  logoUrl?: string | null;
  /** The WebSub hub subscribers may use (rel="hub"; JSON Feed's `hubs`); publishing pings it (lib/webhooks/websub.ts). */
  hubUrl?: string | null;
  /** A language edition's URL prefix ("/es"): its articles', sections' and authors' pages are under it. */
  editionPrefix?: string;
  /** What an open live story's title starts with, in the feed's language (default "LIVE"). */
  liveLabel?: string;
};

/**
 * Item ids are tag URIs (RFC 4151) on the article's database id, not its URL: an article keeps its id when its
 * slug or section changes, so readers do not show it again as new. The year is part of the id's fixed form; never
 * change it.
 */
const TAG_URI_YEAR = 2026;

export function articleUrl(siteUrl: string, article: Pick<FeedArticle, "slug" | "section">): string {
  return `${siteUrl}/${article.section.slug}/${article.slug}`;
}

export function authorUrl(siteUrl: string, slug: string): string {
  return `${siteUrl}/author/${slug}`;
}

export function articleFeedId(siteUrl: string, articleId: string): string {
  return `tag:${new URL(siteUrl).hostname},${TAG_URI_YEAR}:article:${articleId}`;
}

/** Makes href/src/poster="/…" absolute. bodyHtml is our own sanitized output, so attributes are always "…"-quoted. */
export function absolutizeHtmlUrls(html: string, siteUrl: string): string {
  const base = escapeHtml(siteUrl);
  return html.replace(/(\s(?:href|src|poster)=")\/(?!\/)/g, (_match, attribute: string) => `${attribute}${base}/`);
}

function absoluteUrl(siteUrl: string, url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith("/") && !url.startsWith("//")) return `${siteUrl}${url}`;
  return undefined;
}

/**
 * The `feed` package writes Atom category labels as attributes and escapes only `&` and `"` there; a raw `<` would
 * make the document malformed and cannot be expressed through the package, so it becomes a full-width "＜".
 */
function toFeedAttribute(value: string): string {
  return toXmlSafeText(value).replace(/</g, "\uFF1C");
}

function articleUpdated(article: FeedArticle): Date {
  return article.revisedAt && article.revisedAt > article.publishedAt ? article.revisedAt : article.publishedAt;
}

function articleContentHtml(article: FeedArticle, siteUrl: string): string {
  if (article.bodyHtml.trim()) return absolutizeHtmlUrls(article.bodyHtml, siteUrl);
  // Never empty: RSS declares the dc: namespace only when an item has content.
  return `<p>${escapeHtml(article.dek || article.headline)}</p>`;
}

function createFeed(channel: FeedChannel, articles: FeedArticle[]): Feed {
  const pageUrl = `${channel.siteUrl}${channel.pagePath}`;
  const feedUrl = (f: FeedFormat) => `${channel.siteUrl}${feedPath(channel.feedBasePath, f)}`;
  const newest = articles.reduce<Date | undefined>((latest, a) => {
    const updated = articleUpdated(a);
    return !latest || updated > latest ? updated : latest;
  }, undefined);
  return new Feed({
    id: pageUrl,
    title: toXmlSafeText(channel.title),
    description: toXmlSafeText(channel.description),
    link: pageUrl,
    language: channel.language,
    updated: newest,
    generator: false,
    image: absoluteUrl(channel.siteUrl, channel.logoUrl),
    hub: channel.hubUrl || undefined,
    feedLinks: { rss: feedUrl("rss"), atom: feedUrl("atom"), json: feedUrl("json") },
    // Atom requires an author on the feed or on every entry; the publication is the fallback.
    author: { name: toXmlSafeText(channel.siteName), link: `${channel.siteUrl}/` },
  });
}

function toItem(format: FeedFormat, article: FeedArticle, channel: FeedChannel): Item {
  const { siteUrl } = channel;
  const pagesUrl = `${siteUrl}${channel.editionPrefix ?? ""}`;
  const headline = article.isLiveNow ? `${channel.liveLabel ?? "LIVE"}: ${article.headline}` : article.headline;
  const sectionUrl = `${pagesUrl}/${article.section.slug}`;
  const base = {
    id: articleFeedId(siteUrl, article.id),
    link: articleUrl(pagesUrl, article),
    date: articleUpdated(article),
    published: article.publishedAt,
  };
  const content = articleContentHtml(article, siteUrl);
  switch (format) {
    case "rss":
      return {
        ...base,
        title: toFeedCdata(headline),
        description: article.dek ? toFeedCdata(escapeHtml(article.dek)) : undefined,
        content: toFeedCdata(content),
        category: [{ name: toXmlSafeText(article.section.name), domain: sectionUrl }],
        extensions: [
          {
            name: "dc:creator",
            // xml-js writes an array as repeated elements: one <dc:creator> per co-author, in byline order.
            objects: article.authors.map((a) => ({ _text: toXmlSafeText(a.name) })) as unknown as Record<string, unknown>,
          },
        ],
      };
    case "atom":
      return {
        ...base,
        title: toFeedCdata(escapeHtml(headline)),
        description: article.dek ? toFeedCdata(escapeHtml(article.dek)) : undefined,
        content: toFeedCdata(content),
        author: article.authors.map((a) => ({ name: toXmlSafeText(a.name), link: authorUrl(pagesUrl, a.slug) })),
        category: [{ name: toFeedAttribute(article.section.name), term: article.section.slug, scheme: `${siteUrl}/` }],
      };
    case "json":
      return {
        ...base,
        title: toXmlSafeText(headline),
        description: toXmlSafeText(article.dek) || undefined,
        content,
        category: [{ name: article.section.name }],
      };
  }
}

type JsonFeedAuthor = { name: string; url: string };

/** The part of the package's JSON Feed 1.0 output we carry over. */
type JsonFeed10 = {
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  icon?: string;
  items: {
    id: string;
    url?: string;
    title?: string;
    summary?: string;
    content_html?: string;
    date_published?: string;
    date_modified?: string;
    tags?: string[];
  }[];
};

function upgradeToJsonFeed11(json10: string, channel: FeedChannel, articles: FeedArticle[]): string {
  const feed = JSON.parse(json10) as JsonFeed10;
  const authorsOf = (article: FeedArticle | undefined): JsonFeedAuthor[] =>
    (article?.authors ?? []).map((a) => ({ name: a.name, url: authorUrl(`${channel.siteUrl}${channel.editionPrefix ?? ""}`, a.slug) }));
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: feed.home_page_url,
      feed_url: feed.feed_url,
      description: feed.description,
      icon: feed.icon,
      language: channel.language,
      authors: [{ name: channel.siteName, url: `${channel.siteUrl}/` }],
      ...(channel.hubUrl ? { hubs: [{ type: "WebSub", url: channel.hubUrl }] } : {}),
      items: feed.items.map((item, index) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_html: item.content_html,
        date_published: item.date_published,
        date_modified: item.date_modified,
        tags: item.tags,
        authors: authorsOf(articles[index]),
      })),
    },
    null,
    2,
  );
}

/** The feed document in `format`, newest article first (the order given). */
export function buildFeedDocument(format: FeedFormat, channel: FeedChannel, articles: FeedArticle[]): string {
  const feed = createFeed(channel, articles);
  for (const article of articles) feed.addItem(toItem(format, article, channel));
  switch (format) {
    case "rss":
      return feed.rss2();
    case "atom":
      // The package writes no xml:lang; a prefixed edition's feed declares its language (the default's stays as it was).
      return channel.editionPrefix ? feed.atom1().replace("<feed ", `<feed xml:lang="${escapeHtml(channel.language)}" `) : feed.atom1();
    case "json":
      return upgradeToJsonFeed11(feed.json1(), channel, articles);
  }
}
