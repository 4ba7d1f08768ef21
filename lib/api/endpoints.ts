/**
 * The Content API's endpoints (/api/v1/…), each an apiRoute: the route files in app/api/v1 only export them. Every
 * read is a published-only query of lib/data/api/content.ts (or the public site's own sections and search). An
 * answer names the cache tags of its reads, so the front can keep it until one of them expires (search answers are
 * not kept: any text is a query).
 */
import "server-only";
import { getApiArticleById, getApiArticleByPath, listApiArticles, listApiAuthors, listApiTags, listApiTranslations, type ApiArticle, type ApiArticleSummary } from "@/lib/data/api/content";
import type { PublicQuery } from "@/lib/data/cache";
import { getDefaultEdition } from "@/lib/data/editions";
import { searchPublishedArticles } from "@/lib/data/search";
import { listSections } from "@/lib/data/sections";
import { getApiSettings, getSiteSettings } from "@/lib/data/settings";
import { getPublicSiteUrl } from "@/lib/feeds/site-url";
import { ArticleQuerySchema, ArticlesQuerySchema, LanguageQuerySchema, PagedQuerySchema, PathSegmentSchema, SearchApiQuerySchema } from "@/lib/validation/api";
import { BAD_CURSOR, decodeArticleCursor, decodeSlugCursor, encodeArticleCursor, encodeSlugCursor } from "./cursor";
import { loadApiEditions, pickEdition, type ApiEditions } from "./editions";
import { ninjsArticle, ninjsSummary, NINJS_MEDIA_TYPE, type NinjsContext } from "./ninjs";
import { problem } from "./problem";
import { authorUrl, representArticle, representSummary, type Site } from "./represent";
import { apiRoute, chooseFormat, type Format } from "./respond";

/** The site for these articles: its URL, its editions, and the articles' translations (one read, and its tags). */
async function siteFor(articles: ApiArticleSummary[], editions: ApiEditions): Promise<{ site: Site; tags: string[] }> {
  const groups = [...new Set(articles.flatMap((a) => (a.translationGroupId ? [a.translationGroupId] : [])))].sort();
  const translations = await listApiTranslations(groups);
  return { site: { url: getPublicSiteUrl(), editions, translations }, tags: listApiTranslations.cacheTags(groups) };
}

async function ninjsContext(site: Site): Promise<NinjsContext> {
  const [settings, api] = await Promise.all([getSiteSettings(), getApiSettings()]);
  return { site, siteName: settings.siteName, language: settings.locale, rightsInfo: api.apiRightsInfo };
}

/** The link to the next page: this request's URL with the next cursor. */
function nextLink(url: URL, cursor: string | null): string | null {
  if (!cursor) return null;
  const next = new URL(url.pathname + url.search, getPublicSiteUrl());
  next.searchParams.set("cursor", cursor);
  return next.toString();
}

export const listArticles = apiRoute("articles", ArticlesQuerySchema, async ({ request, url, query }) => {
  const after = query.cursor ? decodeArticleCursor(query.cursor) : null;
  if (query.cursor && !after) return [{ parameter: "cursor", detail: BAD_CURSOR }];
  const editions = await loadApiEditions();
  const edition = pickEdition(editions, query.language);
  if (Array.isArray(edition)) return edition;
  const filter = {
    language: edition.language ?? undefined,
    // An edition's own section and tag slugs filter as the default ones do.
    section: query.section && editions.sectionSlug(query.section),
    tag: query.tag && editions.tagSlug(query.tag),
    author: query.author,
    updatedSince: query.updated_since ? new Date(query.updated_since).toISOString() : undefined,
  };
  const page = await listApiArticles(filter, after, query.limit);
  const { site, tags: translationTags } = await siteFor(page.items, editions);
  const next = page.next ? encodeArticleCursor(page.next) : null;
  const links = { next: nextLink(url, next) };
  // Settings (ninjs' rights and site name) and editions carry the "site" tag, which every public read has.
  const tags = [...listApiArticles.cacheTags(filter, after, query.limit), ...translationTags];
  if (chooseFormat(request, query.format) === "ninjs") {
    const context = await ninjsContext(site);
    return { body: { items: page.items.map((a) => ninjsSummary(a, context)), next, links }, contentType: NINJS_MEDIA_TYPE, tags };
  }
  return { body: { items: page.items.map((a) => representSummary(a, site)), next, links }, tags };
});

async function articleBody(request: Request, article: ApiArticle | null, format: Format | undefined, tags: string[], editions?: ApiEditions) {
  if (!article) return problem(404, "There is no published article here.");
  const { site, tags: translationTags } = await siteFor([article], editions ?? (await loadApiEditions()));
  const all = [...tags, ...translationTags];
  if (chooseFormat(request, format) === "ninjs") return { body: ninjsArticle(article, await ninjsContext(site)), contentType: NINJS_MEDIA_TYPE, tags: all };
  return { body: representArticle(article, site), tags: all };
}

export const getArticle = apiRoute("articles", ArticleQuerySchema, async ({ request, query, params }: { request: Request; query: { format?: Format }; params: { ref: string } }) => {
  const id = PathSegmentSchema.safeParse(params.ref);
  if (!id.success) return problem(404, "There is no published article here.");
  return articleBody(request, await getApiArticleById(id.data), query.format, getApiArticleById.cacheTags(id.data));
});

/** By its public URL: the section may be named by its edition's slug (`/articles/economia/…`) or the default one. */
export const getArticleByPath = apiRoute(
  "articles",
  ArticleQuerySchema,
  async ({ request, query, params }: { request: Request; query: { format?: Format }; params: { ref: string; slug: string } }) => {
    const section = PathSegmentSchema.safeParse(params.ref);
    const slug = PathSegmentSchema.safeParse(params.slug);
    if (!section.success || !slug.success) return problem(404, "There is no published article here.");
    const editions = await loadApiEditions();
    const sectionSlug = editions.sectionSlug(section.data);
    const article = await getApiArticleByPath(sectionSlug, slug.data);
    return articleBody(request, article, query.format, getApiArticleByPath.cacheTags(sectionSlug, slug.data), editions);
  },
);

export const listSectionsEndpoint = apiRoute("taxonomy", LanguageQuerySchema, async ({ query }) => {
  const editions = await loadApiEditions();
  const edition = pickEdition(editions, query.language);
  if (Array.isArray(edition)) return edition;
  const siteUrl = getPublicSiteUrl();
  const shown = edition.language ?? (await getDefaultEdition()).id;
  const prefix = editions.prefix(shown);
  const sections = (await listSections()).map((s) => editions.section(shown, s));
  return { body: { items: sections.map((s) => ({ name: s.name, slug: s.slug, description: s.description, url: `${siteUrl}${prefix}/${s.slug}` })) }, tags: listSections.cacheTags() };
});

type SlugPage<T> = PublicQuery<[after: string | null, limit: number, language: string | null], { items: T[]; next: string | null }>;

/** Tags and authors page the same way: by the default edition's slug, with an opaque cursor, in one edition or all. */
function slugPaged<T extends { slug: string }>(read: SlugPage<T>, shape: (item: T, site: Site, editionId: string) => Record<string, unknown>) {
  return apiRoute("taxonomy", PagedQuerySchema, async ({ url, query }) => {
    const after = query.cursor ? decodeSlugCursor(query.cursor) : null;
    if (query.cursor && !after) return [{ parameter: "cursor", detail: BAD_CURSOR }];
    const editions = await loadApiEditions();
    const edition = pickEdition(editions, query.language);
    if (Array.isArray(edition)) return edition;
    const page = await read(after, query.limit, edition.language);
    const site: Site = { url: getPublicSiteUrl(), editions, translations: [] };
    const shown = edition.language ?? (await getDefaultEdition()).id;
    const next = page.next ? encodeSlugCursor(page.next) : null;
    const items = page.items.map((item) => shape(item, site, shown));
    return { body: { items, next, links: { next: nextLink(url, next) } }, tags: read.cacheTags(after, query.limit, edition.language) };
  });
}

export const listTagsEndpoint = slugPaged(listApiTags, (t, site, editionId) => {
  const tag = site.editions.tag(editionId, t);
  return { name: tag.name, slug: tag.slug, url: `${site.url}${site.editions.prefix(editionId)}/tag/${tag.slug}` };
});

export const listAuthorsEndpoint = slugPaged(listApiAuthors, (a, site, editionId) => ({
  id: a.id,
  name: a.name,
  slug: a.slug,
  bio: a.bio,
  avatarUrl: a.avatarUrl ? new URL(a.avatarUrl, site.url).toString() : null,
  url: authorUrl(site, editionId, a.slug),
}));

/** Search runs in one edition with its text-search configuration: the one named, else the default edition. */
export const searchEndpoint = apiRoute("search", SearchApiQuerySchema, async ({ query }) => {
  const editions = await loadApiEditions();
  const picked = pickEdition(editions, query.language);
  if (Array.isArray(picked)) return picked;
  const edition = editions.editions.find((e) => e.id === picked.language) ?? (await getDefaultEdition());
  const results = await searchPublishedArticles(query.q, query.page, { editionId: edition.id, searchConfig: edition.searchConfig });
  const site: Site = { url: getPublicSiteUrl(), editions, translations: [] };
  const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
  return {
    body: {
      query: results.query,
      language: edition.id,
      total: results.total,
      page: results.page,
      totalPages: results.totalPages,
      items: results.items.map((r) => {
        const section = editions.section(edition.id, r.section);
        return {
          id: r.id,
          url: `${site.url}${editions.prefix(edition.id)}/${section.slug}/${r.slug}`,
          apiUrl: `${site.url}/api/v1/articles/${r.id}`,
          language: edition.id,
          headline: plain(r.headline),
          snippet: plain(r.snippet),
          publishedAt: r.publishedAt.toISOString(),
          section: { name: section.name, slug: section.slug },
          authors: r.authors.map((a) => ({ name: a.name, slug: a.slug })),
        };
      }),
    },
  };
});
