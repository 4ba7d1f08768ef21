/**
 * The Content API's reads (/api/v1): published articles, sections, tags and authors exactly as the public site shows
 * them. The published-only condition (publishedWhere) is inside every query, as on the site, so a draft, an article
 * in review, a scheduled or an archived one can never leave through the API; nor can an article of an edition closed
 * to readers (readableWhere, decision 0033): closing or opening one expires "site", which every read here carries.
 * Each read is cached with publicQuery under the tags a publish, an edit or an unpublish expires (lib/data/cache.ts),
 * so repeated reads cost no query.
 *
 * Lists page with a cursor over a stable order: articles by (publishedAt desc, id desc), tags and authors by slug.
 * Arguments are plain strings (ISO dates) so that they key the cache.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPublicReadDb } from "@/lib/db";
import { cardSelect, toCard } from "../articles/public";
import { readableWhere } from "../articles/readable";
import { CacheTags, publicQuery } from "../cache";

/** What every article of the API carries, in a list or alone. */
const summarySelect = {
  ...cardSelect,
  revisedAt: true,
  editionId: true,
  translationGroupId: true,
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true, slug: true } } } },
  featuredImage: { select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true, variants: true } },
} as const satisfies Prisma.ArticleSelect;

const fullSelect = {
  ...summarySelect,
  bodyHtml: true,
  bodyText: true,
  corrections: { orderBy: { publishedAt: "asc" }, select: { kind: true, text: true, publishedAt: true } },
} as const satisfies Prisma.ArticleSelect;

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;
type FullRow = Prisma.ArticleGetPayload<{ select: typeof fullSelect }>;

/** The card readers see in lists, with what the API adds: the revision time, the tags and the featured image. */
function toSummary(row: SummaryRow) {
  return {
    ...toCard(row),
    revisedAt: row.revisedAt,
    editionId: row.editionId,
    translationGroupId: row.translationGroupId,
    tags: row.tags.map((t) => t.tag),
    featuredImage: row.featuredImage,
  };
}

function toFull(row: FullRow) {
  return { ...toSummary(row), bodyHtml: row.bodyHtml, bodyText: row.bodyText, corrections: row.corrections };
}

export type ApiArticleSummary = ReturnType<typeof toSummary>;
export type ApiArticle = ReturnType<typeof toFull>;

/** A position in the articles' order: the last article of the previous page. */
export type ArticleCursor = { publishedAt: string; id: string };

/** `language`: one edition's articles only (its id); without it, every edition's. Slugs are the default edition's. */
export type ApiArticleFilter = { language?: string; section?: string; tag?: string; author?: string; updatedSince?: string };

function articlesWhere(readable: Prisma.ArticleWhereInput, filter: ApiArticleFilter, after: ArticleCursor | null): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [readable];
  if (filter.language) and.push({ editionId: filter.language });
  if (filter.section) and.push({ section: { slug: filter.section } });
  if (filter.tag) and.push({ tags: { some: { tag: { slug: filter.tag } } } });
  if (filter.author) and.push({ authors: { some: { user: { slug: filter.author } } } });
  if (filter.updatedSince) {
    const since = new Date(filter.updatedSince);
    and.push({ OR: [{ publishedAt: { gte: since } }, { revisedAt: { gte: since } }] });
  }
  if (after) {
    const at = new Date(after.publishedAt);
    and.push({ OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: after.id } }] });
  }
  return { AND: and };
}

/** One page of published articles, newest first, and the cursor of the next page (null on the last). */
export const listApiArticles = publicQuery(
  "listApiArticles",
  async (filter: ApiArticleFilter, after: ArticleCursor | null, limit: number) => {
    const db = getPublicReadDb();
    const rows = await db.article.findMany({
      where: articlesWhere(await readableWhere(db), filter, after),
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: summarySelect,
    });
    const items = rows.slice(0, limit).map(toSummary);
    const last = items[items.length - 1];
    const next: ArticleCursor | null = rows.length > limit && last ? { publishedAt: last.publishedAt.toISOString(), id: last.id } : null;
    return { items, next };
  },
  {
    tags: (filter) => [
      CacheTags.latest,
      ...(filter.section ? [CacheTags.section(filter.section)] : []),
      ...(filter.tag ? [CacheTags.tag(filter.tag)] : []),
      ...(filter.author ? [CacheTags.author(filter.author)] : []),
    ],
    buildFallback: { items: [], next: null },
  },
);

/** One published article by id, or null. Tagged "latest", which every change to a published article expires. */
export const getApiArticleById = publicQuery(
  "getApiArticleById",
  async (id: string) => {
    const db = getPublicReadDb();
    const row = await db.article.findFirst({ where: { AND: [await readableWhere(db), { id }] }, select: fullSelect });
    return row ? toFull(row) : null;
  },
  { tags: () => [CacheTags.latest], buildFallback: null },
);

/** One published article by its section and slug (its public URL), or null. */
export const getApiArticleByPath = publicQuery(
  "getApiArticleByPath",
  async (section: string, slug: string) => {
    const db = getPublicReadDb();
    const row = await db.article.findFirst({ where: { AND: [await readableWhere(db), { slug, section: { slug: section } }] }, select: fullSelect });
    return row ? toFull(row) : null;
  },
  { tags: (section, slug) => [CacheTags.article(slug), CacheTags.section(section)], buildFallback: null },
);

/** Readable published articles, of one edition when `language` names it. */
async function inEdition(language: string | null): Promise<Prisma.ArticleWhereInput> {
  const readable = await readableWhere(getPublicReadDb());
  return language ? { AND: [readable, { editionId: language }] } : readable;
}

/** Tags that have at least one published article (in the edition, when given), by the default edition's slug after `after`, and the next cursor. */
export const listApiTags = publicQuery(
  "listApiTags",
  async (after: string | null, limit: number, language: string | null) => {
    const rows = await getPublicReadDb().tag.findMany({
      where: { articles: { some: { article: await inEdition(language) } }, ...(after ? { slug: { gt: after } } : {}) },
      orderBy: { slug: "asc" },
      take: limit + 1,
      select: { name: true, slug: true },
    });
    const items = rows.slice(0, limit);
    return { items, next: rows.length > limit ? (items[items.length - 1]?.slug ?? null) : null };
  },
  { tags: () => [CacheTags.latest], buildFallback: { items: [], next: null } },
);

/** The people who have an author page (current and former staff with a published article, in the edition when given), by slug. */
export const listApiAuthors = publicQuery(
  "listApiAuthors",
  async (after: string | null, limit: number, language: string | null) => {
    const rows = await getPublicReadDb().user.findMany({
      where: {
        status: { in: ["ACTIVE", "DEACTIVATED"] },
        authorships: { some: { article: await inEdition(language) } },
        ...(after ? { slug: { gt: after } } : {}),
      },
      orderBy: { slug: "asc" },
      take: limit + 1,
      select: { id: true, name: true, slug: true, bio: true, avatarUrl: true },
    });
    const items = rows.slice(0, limit);
    return { items, next: rows.length > limit ? (items[items.length - 1]?.slug ?? null) : null };
  },
  { tags: () => [CacheTags.latest], buildFallback: { items: [], next: null } },
);

export type ApiTranslation = { id: string; editionId: string; slug: string; headline: string; sectionSlug: string; groupId: string };

/**
 * The published members of these translation groups (an article and its translations): each article's links to
 * its translations. One read for a whole page, tagged with every group, which a change to any member expires.
 */
export const listApiTranslations = publicQuery(
  "listApiTranslations",
  async (groupIds: string[]): Promise<ApiTranslation[]> => {
    if (groupIds.length === 0) return [];
    const db = getPublicReadDb();
    const rows = await db.article.findMany({
      where: { AND: [await readableWhere(db), { translationGroupId: { in: groupIds } }] },
      orderBy: [{ translationGroupId: "asc" }, { editionId: "asc" }],
      select: { id: true, editionId: true, slug: true, headline: true, translationGroupId: true, section: { select: { slug: true } } },
    });
    return rows.map((row) => ({ id: row.id, editionId: row.editionId, slug: row.slug, headline: row.headline, sectionSlug: row.section.slug, groupId: row.translationGroupId ?? "" }));
  },
  { tags: (groupIds) => groupIds.map(CacheTags.translations), buildFallback: [] },
);
