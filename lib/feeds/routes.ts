/**
 * The responses behind the feed and sitemap URLs. Twelve route files share these few functions, so each route file
 * only declares its URL, its cache lifetime and which of these it answers with.
 *
 * Nothing here reads the request (headers, cookies, search params): the routes stay cacheable (ISR), and the only
 * inputs are the URL's parameters and cached data-layer reads, whose tags (CacheTags.latest, section, author, site)
 * attach to the cached response so a publish refreshes it.
 */
import "server-only";
import { SLUG_PATTERN } from "@/lib/content/slug";
import { getAuthorBySlug } from "@/lib/data/users/authors";
import {
  findFeedArticles,
  findNewsSitemapArticles,
  findSitemapArticles,
  getSitemapOverview,
  type FeedScope,
  type SitemapEntry,
} from "@/lib/data/distribution";
import { getPublishedArticle } from "@/lib/data/articles/public";
import { listPublicLiveEntries } from "@/lib/data/live/public";
import { getSectionBySlug } from "@/lib/data/sections";
import { getApiSettings, getSiteSettings } from "@/lib/data/settings";
import { entryAnchor } from "@/lib/live/view";
import { newsLanguageCode } from "./language";
import { defaultSlug, listEditions, localizeSection, localName, resolveEditionSlug } from "@/lib/data/editions";
import { loadEdition, type EditionContext } from "@/lib/i18n/edition";
import { buildFeedDocument, type FeedChannel } from "./feed";
import { feedContentType, feedPath, type FeedFormat } from "./formats";
import { getPublicSiteUrl } from "./site-url";
import {
  buildSitemapPlan,
  parseSitemapChunkFile,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  sitemapChunkSlice,
  type SitemapUrl,
} from "./sitemap";

const XML_CONTENT_TYPE = "application/xml; charset=utf-8";

function documentResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { "content-type": contentType, "x-content-type-options": "nosniff" } });
}

function notFoundResponse(): Response {
  return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

type ChannelText = Pick<FeedChannel, "title" | "description" | "pagePath" | "feedBasePath"> & {
  /** The scope as the data layer and the cache tags name it: the default edition's section slug. */
  scope: FeedScope;
};

/**
 * The feed's own title, description and page, in the edition's language and under its URLs (a section by its own name
 * and slug in the edition; its default slug answers too), or null when the section or author has no public page.
 */
async function describeScope(scope: FeedScope, context: EditionContext): Promise<ChannelText | null> {
  const { settings, text, names } = context;
  const site = settings.siteName;
  const channel = (name: string, path: string, description: string, own: FeedScope): ChannelText => ({
    title: `${name} · ${site}`,
    description,
    pagePath: text.path(path),
    feedBasePath: `${text.prefix}${path}`,
    scope: own,
  });
  if (scope.kind === "site") return { title: site, description: settings.description, pagePath: text.path("/"), feedBasePath: text.prefix, scope };
  if (!SLUG_PATTERN.test(scope.slug)) return null;
  if (scope.kind === "section") {
    const found = await getSectionBySlug(defaultSlug(scope.slug, names.sectionBySlug));
    if (!found) return null;
    const section = localName(found, names.sections);
    const description = section.description || text.t("feedSectionDescription", { section: section.name, site });
    return channel(section.name, `/${section.slug}`, description, { kind: "section", slug: found.slug });
  }
  const author = await getAuthorBySlug(scope.slug);
  return author && channel(author.name, `/author/${author.slug}`, text.t("feedAuthorDescription", { author: author.name, site }), scope);
}

/** What every feed of an edition says about the site: its URL, name, logo, language and how it marks a live story. */
function editionChannel(context: EditionContext): Pick<FeedChannel, "siteUrl" | "siteName" | "language" | "editionPrefix" | "logoUrl" | "liveLabel"> {
  const { settings, text } = context;
  const prefixed = text.prefix ? { editionPrefix: text.prefix, liveLabel: text.t("live") } : {};
  return { siteUrl: getPublicSiteUrl(), siteName: settings.siteName, language: context.dates.locale, logoUrl: settings.logoUrl, ...prefixed };
}

/**
 * A feed of the latest articles of the site, a section or an author, in one edition (`code`: null for the default
 * edition, "es" for /es): only that edition's articles, in its language; 404 for an unknown section, author or edition.
 */
export async function feedResponse(format: FeedFormat, scope: FeedScope, code: string | null = null): Promise<Response> {
  const [context, distribution] = await Promise.all([loadEdition(code), getApiSettings()]);
  if (!context) return notFoundResponse();
  const described = await describeScope(scope, context);
  if (!described) return (await formerSectionFeed(format, scope, code)) ?? notFoundResponse();
  const { scope: own, ...text } = described;
  const articles = (await findFeedArticles({ ...own, editionId: context.edition.id })).map((article) => localizeSection(article, context.names));
  const channel: FeedChannel = {
    ...text,
    ...editionChannel(context),
    // Publishing pings the hub with the site's and sections' feeds (lib/data/webhooks/queue.ts): only those name it.
    hubUrl: scope.kind === "author" ? null : distribution.websubHubUrl,
  };
  return documentResponse(buildFeedDocument(format, channel, articles), feedContentType(format));
}

/** A prefixed edition's section feed at the section's former translated slug: 308 to its feed at the current one. */
async function formerSectionFeed(format: FeedFormat, scope: FeedScope, code: string | null): Promise<Response | null> {
  if (code === null || scope.kind !== "section") return null;
  const current = await resolveEditionSlug(code, "SECTION", scope.slug);
  return current ? new Response(null, { status: 308, headers: { location: feedPath(`/${code}/${current}`, format) } }) : null;
}

/** The GET of a section's or an author's feed route in an edition, whose slug is the route's `section` or `slug` parameter. */
export function scopedFeedHandler(format: FeedFormat, kind: "section" | "author", code: string | null = null) {
  return async (_request: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const values = await params;
    return feedResponse(format, { kind, slug: (kind === "section" ? values.section : values.slug) ?? "" }, code);
  };
}

/**
 * A live story's own feed of its entries, newest first: each item links to the entry's anchor on the story's page.
 * 404 unless the URL is a published live story of the edition (`code`, as for feedResponse).
 */
export function liveFeedHandler(format: FeedFormat, code: string | null = null) {
  return async (_request: Request, { params }: { params: Promise<{ section: string; slug: string }> }): Promise<Response> => {
    const { section, slug } = await params;
    if (!SLUG_PATTERN.test(section) || !SLUG_PATTERN.test(slug)) return notFoundResponse();
    const context = await loadEdition(code);
    if (!context) return notFoundResponse();
    const found = await getPublishedArticle(defaultSlug(section, context.names.sectionBySlug), slug);
    if (!found?.live || found.editionId !== context.edition.id) return notFoundResponse();
    const story = localizeSection(found, context.names);
    const { settings, text } = context;
    const entries = await listPublicLiveEntries(story.id, story.slug);
    const path = text.path(`/${story.section.slug}/${story.slug}`);
    const channel: FeedChannel = {
      ...editionChannel(context),
      title: `${found.live.endAt ? "" : `${text.t("live")}: `}${story.headline} · ${settings.siteName}`,
      description: story.dek || text.t("liveFeedDescription", { site: settings.siteName }),
      pagePath: path,
      feedBasePath: path,
    };
    const items = entries.map((e) => ({
      id: e.id,
      // The item's link is the story's URL plus the entry's anchor.
      slug: `${story.slug}#${entryAnchor(e.id)}`,
      headline: e.title || e.bodyText.slice(0, 110),
      dek: "",
      bodyHtml: e.bodyHtml,
      publishedAt: e.postedAt,
      revisedAt: e.editedAt,
      section: story.section,
      authors: e.authors.map((a) => a.user),
    }));
    return documentResponse(buildFeedDocument(format, channel, items), feedContentType(format));
  };
}

function toSitemapUrl(siteUrl: string) {
  return (entry: SitemapEntry): SitemapUrl => ({
    loc: `${siteUrl}${entry.path}`,
    lastmod: entry.lastmod,
    alternates: entry.alternates?.map((a) => ({ hreflang: a.hreflang, href: `${siteUrl}${a.path}` })),
  });
}

/** /sitemap.xml: every public URL while they fit in one file, else an index of /sitemaps/{n}.xml. */
export async function sitemapResponse(): Promise<Response> {
  const siteUrl = getPublicSiteUrl();
  const overview = await getSitemapOverview();
  const plan = buildSitemapPlan(overview.pages.length + overview.articleCount);
  if (plan.kind === "index") {
    const chunks = Array.from({ length: plan.chunkCount }, (_, i) => ({ loc: `${siteUrl}/sitemaps/${i + 1}.xml` }));
    return documentResponse(renderSitemapIndex(chunks), XML_CONTENT_TYPE);
  }
  const articles = await findSitemapArticles(0, overview.articleCount);
  return documentResponse(renderUrlset([...overview.pages, ...articles].map(toSitemapUrl(siteUrl))), XML_CONTENT_TYPE);
}

/** /sitemaps/{n}.xml: one chunk of the index; 404 when /sitemap.xml is a single urlset or there is no such chunk. */
export async function sitemapChunkResponse(file: string): Promise<Response> {
  const chunk = parseSitemapChunkFile(file);
  if (chunk === null) return notFoundResponse();
  const overview = await getSitemapOverview();
  if (buildSitemapPlan(overview.pages.length + overview.articleCount).kind !== "index") return notFoundResponse();
  const slice = sitemapChunkSlice(chunk, overview.pages.length, overview.articleCount);
  if (!slice) return notFoundResponse();
  const siteUrl = getPublicSiteUrl();
  const pages = overview.pages.slice(slice.pages.start, slice.pages.end);
  const articles = await findSitemapArticles(slice.articles.offset, slice.articles.take);
  return documentResponse(renderUrlset([...pages, ...articles].map(toSitemapUrl(siteUrl))), XML_CONTENT_TYPE);
}

/**
 * /news-sitemap.xml: the last 48 hours for Google News, with the publication's name and each article's language
 * (the site's locale for the default edition, the edition's own for another).
 */
export async function newsSitemapResponse(): Promise<Response> {
  const [settings, articles, editions] = await Promise.all([getSiteSettings(), findNewsSitemapArticles(), listEditions()]);
  const siteUrl = getPublicSiteUrl();
  const languageOf = (editionId: string) => {
    const edition = editions.find((e) => e.id === editionId);
    return newsLanguageCode(!edition || edition.isDefault ? settings.locale : edition.locale);
  };
  const body = renderNewsSitemap(
    articles.map((a) => ({ loc: `${siteUrl}${a.path}`, title: a.headline, publishedAt: a.publishedAt, language: languageOf(a.editionId) })),
    { name: settings.siteName, language: newsLanguageCode(settings.locale), timeZone: settings.timeZone },
  );
  return documentResponse(body, XML_CONTENT_TYPE);
}
