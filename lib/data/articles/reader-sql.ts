/**
 * The reads behind an uncached reader render, each in one SQL statement. Through Prisma's query API the article page
 * cost twelve round trips (the article, then one query per relation: section, byline links, users, image, tag links,
 * tags, corrections; and the related cards again), and each one paid Prisma's query compiler, a socket write and a
 * wake-up: a fifth of a render's CPU (docs/performance.md, issue 22). Here the relations come back as JSON built by
 * PostgreSQL, in the same shapes Prisma's selects give (cardSelect, the article's select), so lib/data/articles/
 * public.ts maps them with the same code. The published-only condition is the SQL twin of publishedWhere, and the
 * data tests hold both to the same answers.
 */
import "server-only";
import { Prisma, type CorrectionKind } from "@/lib/generated/prisma/client";
import { getPublicReadDb } from "@/lib/db";

/** publishedWhere() for an "Article" aliased `a`. */
const publishedSql = (now: Date) => Prisma.sql`a.status = 'PUBLISHED' AND a."publishedAt" <= ${now}`;

/** cardSelect's fields for "Article" a JOIN "Section" s: the section as an object, the byline in byline order. */
const CARD_COLUMNS = Prisma.sql`a.id, a.slug, a.headline, a.dek, a."datelineCity", a."publishedAt", a."isLive", a."coverageEndAt",
  json_build_object('name', s.name, 'slug', s.slug) AS section,
  (SELECT coalesce(json_agg(json_build_object('user', json_build_object('id', u.id, 'name', u.name, 'slug', u.slug)) ORDER BY aa.position), '[]'::json)
     FROM "ArticleAuthor" aa JOIN "User" u ON u.id = aa."userId" WHERE aa."articleId" = a.id) AS authors`;

export type CardSqlRow = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  datelineCity: string;
  publishedAt: Date | null;
  isLive: boolean;
  coverageEndAt: Date | null;
  section: { name: string; slug: string };
  authors: Array<{ user: { id: string; name: string; slug: string } }>;
};

type ImageJson = { storageKey: string; width: number; height: number; alt: string; caption: string; credit: string; variants: Prisma.JsonValue };

export type ArticleSqlRow = CardSqlRow & {
  bodyHtml: string;
  editionId: string;
  translationGroupId: string | null;
  revisedAt: Date | null;
  updatedAt: Date;
  coverageStartAt: Date | null;
  liveSeq: number;
  seoTitle: string;
  seoDescription: string;
  featuredImage: ImageJson | null;
  tags: Array<{ tag: { name: string; slug: string } }>;
  corrections: Array<{ id: string; kind: CorrectionKind; text: string; publishedAt: Date }>;
};

/** A timestamp inside JSON: PostgreSQL writes `timestamp(3)` (UTC by Prisma's convention) without a zone. */
const utc = (value: string) => new Date(`${value}Z`);

/** The published article at /section/slug with its relations, or null. */
export async function readPublishedArticle(sectionSlug: string, slug: string, now = new Date()): Promise<ArticleSqlRow | null> {
  type Row = Omit<ArticleSqlRow, "corrections"> & { corrections: Array<Omit<ArticleSqlRow["corrections"][number], "publishedAt"> & { publishedAt: string }> };
  const rows = await getPublicReadDb().$queryRaw<Row[]>`
    SELECT ${CARD_COLUMNS}, a."bodyHtml", a."editionId", a."translationGroupId", a."revisedAt", a."updatedAt", a."coverageStartAt", a."liveSeq", a."seoTitle", a."seoDescription",
      (SELECT json_build_object('storageKey', m."storageKey", 'width', m.width, 'height', m.height, 'alt', m.alt, 'caption', m.caption, 'credit', m.credit, 'variants', m.variants)
         FROM "Media" m WHERE m.id = a."featuredImageId") AS "featuredImage",
      (SELECT coalesce(json_agg(json_build_object('tag', json_build_object('name', t.name, 'slug', t.slug)) ORDER BY xt.position), '[]'::json)
         FROM "ArticleTag" xt JOIN "Tag" t ON t.id = xt."tagId" WHERE xt."articleId" = a.id) AS tags,
      (SELECT coalesce(json_agg(json_build_object('id', c.id, 'kind', c.kind, 'text', c.text, 'publishedAt', c."publishedAt") ORDER BY c."publishedAt"), '[]'::json)
         FROM "Correction" c WHERE c."articleId" = a.id) AS corrections
    FROM "Article" a JOIN "Section" s ON s.id = a."sectionId"
    WHERE ${publishedSql(now)} AND a.slug = ${slug} AND s.slug = ${sectionSlug}
    LIMIT 1`;
  const row = rows[0];
  return row ? { ...row, corrections: row.corrections.map((c) => ({ ...c, publishedAt: utc(c.publishedAt) })) } : null;
}

/**
 * Up to four other published articles of the edition sharing one of the tags, newest first, then the section's newest
 * to fill the four: findRelatedArticles' rule in one statement.
 */
export async function readRelatedCards(articleId: string, sectionSlug: string, tagSlugs: string[], editionId: string, now = new Date()): Promise<CardSqlRow[]> {
  return getPublicReadDb().$queryRaw<CardSqlRow[]>`
    WITH by_tag AS (
      SELECT a.id, a."publishedAt" FROM "Article" a
      WHERE ${publishedSql(now)} AND a."editionId" = ${editionId} AND a.id <> ${articleId} AND cardinality(${tagSlugs}::text[]) > 0
        AND EXISTS (SELECT 1 FROM "ArticleTag" xt JOIN "Tag" t ON t.id = xt."tagId" WHERE xt."articleId" = a.id AND t.slug = ANY(${tagSlugs}::text[]))
      ORDER BY a."publishedAt" DESC, a.id DESC LIMIT 4
    ), by_section AS (
      SELECT a.id, a."publishedAt" FROM "Article" a JOIN "Section" s ON s.id = a."sectionId"
      WHERE ${publishedSql(now)} AND a."editionId" = ${editionId} AND a.id <> ${articleId} AND s.slug = ${sectionSlug} AND a.id NOT IN (SELECT id FROM by_tag)
      ORDER BY a."publishedAt" DESC, a.id DESC LIMIT 4
    ), picked AS (
      SELECT id, 0 AS pass, "publishedAt" FROM by_tag UNION ALL SELECT id, 1, "publishedAt" FROM by_section
      ORDER BY pass, "publishedAt" DESC, id DESC LIMIT 4
    )
    SELECT ${CARD_COLUMNS} FROM picked p JOIN "Article" a ON a.id = p.id JOIN "Section" s ON s.id = a."sectionId"
    ORDER BY p.pass, a."publishedAt" DESC, a.id DESC`;
}

export type FrontSqlRows = {
  latest: Array<CardSqlRow & { featuredImage: { storageKey: string; width: number; height: number; alt: string } | null }>;
  /** Each section's newest four beyond the latest, in the admins' section order, newest first within a section. */
  bySection: CardSqlRow[];
};

/** An edition's front page cards in two statements (run together): the latest `leadCount`, and each section's next four. */
export async function readFrontPageCards(leadCount: number, editionId: string, now = new Date()): Promise<FrontSqlRows> {
  const db = getPublicReadDb();
  const latestIds = Prisma.sql`SELECT a.id FROM "Article" a WHERE ${publishedSql(now)} AND a."editionId" = ${editionId} ORDER BY a."publishedAt" DESC, a.id DESC LIMIT ${leadCount}::int`;
  const [latest, bySection] = await Promise.all([
    db.$queryRaw<FrontSqlRows["latest"]>`
      SELECT ${CARD_COLUMNS},
        (SELECT json_build_object('storageKey', m."storageKey", 'width', m.width, 'height', m.height, 'alt', m.alt) FROM "Media" m WHERE m.id = a."featuredImageId") AS "featuredImage"
      FROM "Article" a JOIN "Section" s ON s.id = a."sectionId"
      WHERE a.id IN (${latestIds})
      ORDER BY a."publishedAt" DESC, a.id DESC`,
    // LATERAL: per section, an index scan of (sectionId, status, publishedAt) that stops after four rows.
    db.$queryRaw<FrontSqlRows["bySection"]>`
      SELECT ${CARD_COLUMNS}
      FROM "Section" s
      CROSS JOIN LATERAL (
        SELECT a.id, a.slug, a.headline, a.dek, a."datelineCity", a."publishedAt", a."isLive", a."coverageEndAt" FROM "Article" a
        WHERE a."sectionId" = s.id AND a."editionId" = ${editionId} AND ${publishedSql(now)} AND a.id NOT IN (${latestIds})
        ORDER BY a."publishedAt" DESC, a.id DESC LIMIT 4
      ) a
      ORDER BY s.position, s.name, a."publishedAt" DESC, a.id DESC`,
  ]);
  return { latest, bySection };
}
