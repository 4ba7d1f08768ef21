/**
 * Articles as readers see them: the front page, section, tag and author lists, the article page and its related
 * articles. The published-only condition (publishedWhere) is inside every query, so a draft, an article in review, a
 * scheduled or an archived one can never reach a reader through a forgotten check. Every read is cached under the
 * tags a publish expires (lib/data/cache.ts).
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPublicReadDb } from "@/lib/db";
import { openGraphImageForMedia } from "@/lib/media/sources";
import { CacheTags, publicQuery } from "../cache";
import { readFrontPageCards, readPublishedArticle, readRelatedCards, type CardSqlRow } from "./reader-sql";

/** The one definition of "a reader may see this article". */
export function publishedWhere(now = new Date()): Prisma.ArticleWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now } };
}

/** The section and the byline (names and author-page slugs, in byline order), as feeds and search results show them. */
export const sectionAndBylineSelect = {
  section: { select: { name: true, slug: true } },
  authors: { orderBy: { position: "asc" }, select: { user: { select: { name: true, slug: true } } } },
} as const satisfies Prisma.ArticleSelect;

export const authorsSelect = {
  orderBy: { position: "asc" },
  select: { user: { select: { id: true, name: true, slug: true } } },
} as const satisfies Prisma.Article$authorsArgs;

export const cardSelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  datelineCity: true,
  publishedAt: true,
  isLive: true,
  coverageEndAt: true,
  section: { select: { name: true, slug: true } },
  authors: authorsSelect,
} as const satisfies Prisma.ArticleSelect;

type CardRow = Prisma.ArticleGetPayload<{ select: typeof cardSelect }> | CardSqlRow;

export function toCard(row: CardRow) {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    datelineCity: row.datelineCity,
    publishedAt: row.publishedAt as Date,
    /** Live coverage that is still open: cards, the page and feeds say LIVE. */
    isLiveNow: row.isLive && row.coverageEndAt === null,
    section: row.section,
    authors: row.authors.map((a) => a.user),
  };
}

export type ArticleCard = ReturnType<typeof toCard>;

export const PAGE_SIZE = 20;

/** `editionId`: only that language edition's articles (every reader page names its edition). */
export type ListFilter = { editionId?: string; sectionSlug?: string; tagSlug?: string; authorSlug?: string };

function listWhere(filter: ListFilter): Prisma.ArticleWhereInput {
  return {
    ...publishedWhere(),
    ...(filter.editionId ? { editionId: filter.editionId } : {}),
    ...(filter.sectionSlug ? { section: { slug: filter.sectionSlug } } : {}),
    ...(filter.tagSlug ? { tags: { some: { tag: { slug: filter.tagSlug } } } } : {}),
    ...(filter.authorSlug ? { authors: { some: { user: { slug: filter.authorSlug } } } } : {}),
  };
}

/**
 * One numbered page of published articles, newest first, for section, tag and author pages (page 1 is the newest).
 * Cached and tagged with the list it belongs to, so a publish in that list refreshes it.
 */
export const findPublishedPage = publicQuery(
  "findPublishedPage",
  async (filter: ListFilter, page: number, perPage: number = PAGE_SIZE) => {
    const where = listWhere(filter);
    const safePage = Math.max(1, Math.floor(page));
    const [total, rows] = await Promise.all([
      getPublicReadDb().article.count({ where }),
      getPublicReadDb().article.findMany({
        where,
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        skip: (safePage - 1) * perPage,
        take: perPage,
        select: cardSelect,
      }),
    ]);
    return { items: rows.map(toCard), total, page: safePage, totalPages: Math.max(1, Math.ceil(total / perPage)) };
  },
  {
    tags: (filter) => [
      CacheTags.latest,
      ...(filter.sectionSlug ? [CacheTags.section(filter.sectionSlug)] : []),
      ...(filter.tagSlug ? [CacheTags.tag(filter.tagSlug)] : []),
      ...(filter.authorSlug ? [CacheTags.author(filter.authorSlug)] : []),
    ],
    buildFallback: { items: [], total: 0, page: 1, totalPages: 1 },
  },
);

/** The full public article, or null when there is no published article at that section and slug. */
export const getPublishedArticle = publicQuery(
  "getPublishedArticle",
  async (sectionSlug: string, slug: string) => {
    const row = await readPublishedArticle(sectionSlug, slug);
    if (!row) return null;
    const image = row.featuredImage;
    return {
      ...toCard(row),
      bodyHtml: row.bodyHtml,
      editionId: row.editionId,
      translationGroupId: row.translationGroupId,
      revisedAt: row.revisedAt,
      live: row.isLive ? { startAt: row.coverageStartAt ?? (row.publishedAt as Date), endAt: row.coverageEndAt, seq: row.liveSeq } : null,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      featuredImage: image
        ? {
            url: `/${image.storageKey}`,
            width: image.width,
            height: image.height,
            alt: image.alt,
            caption: image.caption,
            credit: image.credit,
            og: openGraphImageForMedia(image),
          }
        : null,
      tags: row.tags.map((t) => t.tag),
      corrections: row.corrections,
    };
  },
  { tags: (sectionSlug, slug) => [CacheTags.article(slug), CacheTags.section(sectionSlug)], buildFallback: null },
);

export type Translation = { editionId: string; sectionSlug: string; slug: string };

/**
 * The published articles of a translation group (an article and its translations), one per edition: the page's
 * hreflang alternates and language switcher. Tagged with the group, so publishing or unpublishing any of them
 * refreshes the others' pages.
 */
export const findPublishedTranslations = publicQuery(
  "findPublishedTranslations",
  async (groupId: string): Promise<Translation[]> => {
    const rows = await getPublicReadDb().article.findMany({
      where: { ...publishedWhere(), translationGroupId: groupId },
      orderBy: { editionId: "asc" },
      select: { editionId: true, slug: true, section: { select: { slug: true } } },
    });
    return rows.map((row) => ({ editionId: row.editionId, sectionSlug: row.section.slug, slug: row.slug }));
  },
  { tags: (groupId) => [CacheTags.translations(groupId)], buildFallback: [] },
);

export type ArticleLocation = { kind: "moved"; sectionSlug: string; slug: string } | { kind: "gone" } | null;

/**
 * What to answer for a public article URL of edition `editionId` that has no published article: the article's
 * current section (its default slug) and slug when the slug was renamed or the section changed (a permanent
 * redirect, which the edition's page builds in its own section slug), "gone" when the article was unpublished
 * (410), else null (404). Only an article of that edition is followed: another edition's would answer 404 there.
 */
export const locateArticle = publicQuery(
  "locateArticle",
  async (sectionSlug: string, slug: string, editionId: string): Promise<ArticleLocation> => {
    const db = getPublicReadDb();
    const redirect = await db.slugRedirect.findUnique({ where: { entity_oldSlug: { entity: "ARTICLE", oldSlug: slug } }, select: { targetId: true } });
    const article = await db.article.findFirst({
      where: { ...(redirect ? { id: redirect.targetId } : { slug }), editionId },
      select: { slug: true, status: true, publishedAt: true, section: { select: { slug: true } } },
    });
    if (!article) {
      const movedSection = await db.slugRedirect.findUnique({ where: { entity_oldSlug: { entity: "SECTION", oldSlug: sectionSlug } }, select: { targetId: true } });
      if (!movedSection) return null;
      const section = await db.section.findUnique({ where: { id: movedSection.targetId }, select: { slug: true } });
      const again = section && (await db.article.findFirst({ where: { ...publishedWhere(), slug, editionId, section: { slug: section.slug } }, select: { id: true } }));
      return again && section ? { kind: "moved", sectionSlug: section.slug, slug } : null;
    }
    if (article.status === "ARCHIVED") return { kind: "gone" };
    const isPublic = article.status === "PUBLISHED" && article.publishedAt !== null && article.publishedAt <= new Date();
    if (!isPublic) return null;
    const isSame = article.section.slug === sectionSlug && article.slug === slug;
    return isSame ? null : { kind: "moved", sectionSlug: article.section.slug, slug: article.slug };
  },
  { tags: (sectionSlug, slug) => [CacheTags.article(slug), CacheTags.section(sectionSlug)], buildFallback: null },
);

/** Up to four other published articles sharing the article's tags, else its section; newest first. */
export const findRelatedArticles = publicQuery(
  "findRelatedArticles",
  async (articleId: string, sectionSlug: string, tagSlugs: string[], editionId: string): Promise<ArticleCard[]> => {
    return (await readRelatedCards(articleId, sectionSlug, tagSlugs, editionId)).map(toCard);
  },
  { tags: (_id, sectionSlug, tagSlugs) => [CacheTags.latest, CacheTags.section(sectionSlug), ...tagSlugs.map(CacheTags.tag)], buildFallback: [] },
);

/** An edition's front page: a lead story, the next top stories, and the latest few of each section in the admins' order. */
export const getFrontPage = publicQuery(
  "getFrontPage",
  async (editionId: string) => {
    const { latest, bySection: ranked } = await readFrontPageCards(5, editionId);
    const bySection: Array<{ section: { name: string; slug: string }; articles: ArticleCard[] }> = [];
    for (const row of ranked) {
      const last = bySection.at(-1);
      if (last?.section.slug === row.section.slug) last.articles.push(toCard(row));
      else bySection.push({ section: row.section, articles: [toCard(row)] });
    }
    const [lead, ...top] = latest;
    // The lead story shows its featured image, when it has one.
    const image = lead?.featuredImage;
    return {
      lead: lead ? { ...toCard(lead), image: image ? { url: `/${image.storageKey}`, width: image.width, height: image.height, alt: image.alt } : null } : null,
      top: top.map(toCard),
      bySection,
    };
  },
  { tags: () => [CacheTags.home, CacheTags.latest], buildFallback: { lead: null, top: [], bySection: [] } },
);
