/**
 * The Content API's endpoints (/api/v1/…), each an apiRoute: the route files in app/api/v1 only export them. Every
 * read is a published-only query of lib/data/api/content.ts (or the public site's own sections and search). An
 * answer names the cache tags of its reads, so the front can keep it until one of them expires (search answers are
 * not kept: any text is a query).
 */
import "server-only";
import { getApiArticleById, getApiArticleByPath, listApiArticles, listApiAuthors, listApiTags, type ApiArticle } from "@/lib/data/api/content";
import type { PublicQuery } from "@/lib/data/cache";
import { searchPublishedArticles } from "@/lib/data/search";
import { listSections } from "@/lib/data/sections";
import { getApiSettings, getSiteSettings } from "@/lib/data/settings";
import { getPublicSiteUrl } from "@/lib/feeds/site-url";
import { ArticleQuerySchema, ArticlesQuerySchema, NoQuerySchema, PagedQuerySchema, PathSegmentSchema, SearchApiQuerySchema } from "@/lib/validation/api";
import { BAD_CURSOR, decodeArticleCursor, decodeSlugCursor, encodeArticleCursor, encodeSlugCursor } from "./cursor";
import { ninjsArticle, ninjsSummary, NINJS_MEDIA_TYPE, type NinjsContext } from "./ninjs";
import { problem } from "./problem";
import { representArticle, representSummary } from "./represent";
import { apiRoute, chooseFormat, type Format } from "./respond";

async function ninjsContext(siteUrl: string): Promise<NinjsContext> {
  const [site, api] = await Promise.all([getSiteSettings(), getApiSettings()]);
  return { siteUrl, siteName: site.siteName, language: site.locale, rightsInfo: api.apiRightsInfo };
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
  const filter = { section: query.section, tag: query.tag, author: query.author, updatedSince: query.updated_since ? new Date(query.updated_since).toISOString() : undefined };
  const page = await listApiArticles(filter, after, query.limit);
  const siteUrl = getPublicSiteUrl();
  const next = page.next ? encodeArticleCursor(page.next) : null;
  const links = { next: nextLink(url, next) };
  // Settings (ninjs' rights and site name) carry the "site" tag, which every public read has.
  const tags = listApiArticles.cacheTags(filter, after, query.limit);
  if (chooseFormat(request, query.format) === "ninjs") {
    const context = await ninjsContext(siteUrl);
    return { body: { items: page.items.map((a) => ninjsSummary(a, context)), next, links }, contentType: NINJS_MEDIA_TYPE, tags };
  }
  return { body: { items: page.items.map((a) => representSummary(a, siteUrl)), next, links }, tags };
});

async function articleBody(request: Request, article: ApiArticle | null, format: Format | undefined, tags: string[]) {
  if (!article) return problem(404, "There is no published article here.");
  const siteUrl = getPublicSiteUrl();
  if (chooseFormat(request, format) === "ninjs") return { body: ninjsArticle(article, await ninjsContext(siteUrl)), contentType: NINJS_MEDIA_TYPE, tags };
  return { body: representArticle(article, siteUrl), tags };
}

export const getArticle = apiRoute("articles", ArticleQuerySchema, async ({ request, query, params }: { request: Request; query: { format?: Format }; params: { ref: string } }) => {
  const id = PathSegmentSchema.safeParse(params.ref);
  if (!id.success) return problem(404, "There is no published article here.");
  return articleBody(request, await getApiArticleById(id.data), query.format, getApiArticleById.cacheTags(id.data));
});

export const getArticleByPath = apiRoute(
  "articles",
  ArticleQuerySchema,
  async ({ request, query, params }: { request: Request; query: { format?: Format }; params: { ref: string; slug: string } }) => {
    const section = PathSegmentSchema.safeParse(params.ref);
    const slug = PathSegmentSchema.safeParse(params.slug);
    if (!section.success || !slug.success) return problem(404, "There is no published article here.");
    return articleBody(request, await getApiArticleByPath(section.data, slug.data), query.format, getApiArticleByPath.cacheTags(section.data, slug.data));
  },
);

export const listSectionsEndpoint = apiRoute("taxonomy", NoQuerySchema, async () => {
  const siteUrl = getPublicSiteUrl();
  const sections = await listSections();
  return { body: { items: sections.map((s) => ({ name: s.name, slug: s.slug, description: s.description, url: `${siteUrl}/${s.slug}` })) }, tags: listSections.cacheTags() };
});

/** Tags and authors page the same way: by slug, with an opaque cursor. */
function slugPaged<T extends { slug: string }>(
  read: PublicQuery<[after: string | null, limit: number], { items: T[]; next: string | null }>,
  shape: (item: T, siteUrl: string) => Record<string, unknown>,
) {
  return apiRoute("taxonomy", PagedQuerySchema, async ({ url, query }) => {
    const after = query.cursor ? decodeSlugCursor(query.cursor) : null;
    if (query.cursor && !after) return [{ parameter: "cursor", detail: BAD_CURSOR }];
    const page = await read(after, query.limit);
    const siteUrl = getPublicSiteUrl();
    const next = page.next ? encodeSlugCursor(page.next) : null;
    return { body: { items: page.items.map((item) => shape(item, siteUrl)), next, links: { next: nextLink(url, next) } }, tags: read.cacheTags(after, query.limit) };
  });
}

export const listTagsEndpoint = slugPaged(listApiTags, (t, siteUrl) => ({ name: t.name, slug: t.slug, url: `${siteUrl}/tag/${t.slug}` }));

export const listAuthorsEndpoint = slugPaged(listApiAuthors, (a, siteUrl) => ({
  id: a.id,
  name: a.name,
  slug: a.slug,
  bio: a.bio,
  avatarUrl: a.avatarUrl ? new URL(a.avatarUrl, siteUrl).toString() : null,
  url: `${siteUrl}/author/${a.slug}`,
}));

export const searchEndpoint = apiRoute("search", SearchApiQuerySchema, async ({ query }) => {
  const results = await searchPublishedArticles(query.q, query.page);
  const siteUrl = getPublicSiteUrl();
  const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
  return {
    body: {
      query: results.query,
      total: results.total,
      page: results.page,
      totalPages: results.totalPages,
      items: results.items.map((r) => ({
        id: r.id,
        url: `${siteUrl}/${r.section.slug}/${r.slug}`,
        apiUrl: `${siteUrl}/api/v1/articles/${r.id}`,
        headline: plain(r.headline),
        snippet: plain(r.snippet),
        publishedAt: r.publishedAt.toISOString(),
        section: r.section,
        authors: r.authors.map((a) => ({ name: a.name, slug: a.slug })),
      })),
    },
  };
});
