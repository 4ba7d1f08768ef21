/**
 * Reads for distribution: the RSS/Atom/JSON feeds, the sitemaps and the Google News sitemap. Public reads, so the
 * published-only condition (publishedWhere) is inside every query. Each is cached with publicQuery under
 * CacheTags.latest (plus the section's or author's tag), which every publish and unpublish expires.
 *
 * Every read comes twice: `read*` runs the query (tests call it; Vitest has no Next cache), and the cached export
 * next to it is what routes use. During `next build` the cached ones answer empty without a database.
 *
 * Sitemaps must stay fast at 100,000+ articles: they select only the id, slug, section id and dates, walk the
 * articles in primary-key order, and read a 50,000-URL chunk in keyset batches (id > last id) after one narrow
 * ordered lookup of the chunk's first id. Primary-key order also keeps chunks stable: a new article lands in the
 * last chunk instead of shifting every URL into the next file.
 *
 * Language editions (docs/decisions/0029): an article's URL is in its edition (prefix, the edition's section slug);
 * an article with published translations lists them all as alternates, and so does each edition's front page. An
 * edition closed to readers (decision 0033) is left out of the sitemaps, its articles and its alternates alike.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPublicReadDb } from "@/lib/db";
import type { FeedArticle } from "@/lib/feeds/feed";
import { NEWS_SITEMAP_MAX_URLS, NEWS_SITEMAP_WINDOW_MS } from "@/lib/feeds/sitemap";
import { publishedWhere, sectionAndBylineSelect } from "./articles/public";
import { readableWhere } from "./articles/readable";
import { CacheTags, publicQuery } from "./cache";

/** How many of the latest articles every feed lists. */
export const FEED_LENGTH = 50;

/** `editionId`: only that language edition's articles (each edition has its own feeds). */
export type FeedScope = ({ kind: "site" } | { kind: "section"; slug: string } | { kind: "author"; slug: string }) & { editionId?: string };

/** Same rule as the author page (lib/data/users/authors.ts): current and former staff who have published. */
const PUBLIC_AUTHOR_STATUSES = ["ACTIVE", "DEACTIVATED"] as const;

const feedArticleSelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  bodyHtml: true,
  publishedAt: true,
  revisedAt: true,
  isLive: true,
  coverageEndAt: true,
  ...sectionAndBylineSelect,
} as const satisfies Prisma.ArticleSelect;

function scopeWhere(scope: FeedScope): Prisma.ArticleWhereInput {
  switch (scope.kind) {
    case "site":
      return {};
    case "section":
      return { section: { slug: scope.slug } };
    case "author":
      return { authors: { some: { user: { slug: scope.slug } } } };
  }
}

/** The latest published articles of the site, a section or an author, newest first, with every co-author. */
export async function readFeedArticles(scope: FeedScope, take: number = FEED_LENGTH): Promise<FeedArticle[]> {
  const rows = await getPublicReadDb().article.findMany({
    where: { AND: [publishedWhere(), scopeWhere(scope), scope.editionId ? { editionId: scope.editionId } : {}] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    select: feedArticleSelect,
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    bodyHtml: row.bodyHtml,
    publishedAt: row.publishedAt as Date,
    revisedAt: row.revisedAt,
    isLiveNow: row.isLive && row.coverageEndAt === null,
    section: row.section,
    authors: row.authors.map((a) => a.user),
  }));
}

export const findFeedArticles = publicQuery("findFeedArticles", (scope: FeedScope) => readFeedArticles(scope), {
  tags: (scope) => [
    CacheTags.latest,
    ...(scope.kind === "section" ? [CacheTags.section(scope.slug)] : []),
    ...(scope.kind === "author" ? [CacheTags.author(scope.slug)] : []),
  ],
  buildFallback: [],
});

/** A site-relative URL in a sitemap, with its last change when known and its translations (hreflang → path). */
export type SitemapEntry = { path: string; lastmod: Date | null; alternates?: { hreflang: string; path: string }[] };

type Db = ReturnType<typeof getPublicReadDb>;

/** How each edition readers can see writes an article's path: its prefix and its own section slugs. */
async function editionPaths(db: Db) {
  const [editions, sections, translations] = await Promise.all([
    db.languageEdition.findMany({ where: { OR: [{ isPublic: true }, { isDefault: true }] }, orderBy: [{ isDefault: "desc" }, { position: "asc" }], select: { id: true, isDefault: true } }),
    db.section.findMany({ select: { id: true, slug: true } }),
    db.sectionTranslation.findMany({ select: { sectionId: true, editionId: true, slug: true } }),
  ]);
  const defaultId = editions.find((e) => e.isDefault)?.id;
  const prefix = (editionId: string) => (editionId === defaultId ? "" : `/${editionId}`);
  const sectionSlug = new Map(sections.map((s) => [s.id, s.slug]));
  const localSlug = new Map(translations.map((t) => [`${t.editionId} ${t.sectionId}`, t.slug]));
  return {
    editions,
    prefix,
    sectionPath: (editionId: string, sectionId: string) => `${prefix(editionId)}/${localSlug.get(`${editionId} ${sectionId}`) ?? sectionSlug.get(sectionId)}`,
    articlePath: (row: { editionId: string; sectionId: string; slug: string }) =>
      `${prefix(row.editionId)}/${localSlug.get(`${row.editionId} ${row.sectionId}`) ?? sectionSlug.get(row.sectionId)}/${row.slug}`,
    xDefault: (members: { hreflang: string; path: string }[]) => members.find((m) => m.hreflang === defaultId) ?? members[0]!,
  };
}

/** The alternates of one group's members (none for an article without published translations). */
function withXDefault(members: { hreflang: string; path: string }[], pick: (m: typeof members) => (typeof members)[number]) {
  return members.length < 2 ? undefined : [...members, { hreflang: "x-default", path: pick(members).path }];
}

export type SitemapOverview = {
  /** Home, sections, tags and authors that have published articles: the URLs before the articles. */
  pages: SitemapEntry[];
  articleCount: number;
};

export async function readSitemapOverview(): Promise<SitemapOverview> {
  const db = getPublicReadDb();
  const published = await readableWhere(db);
  const [articleCount, sections, newestBySection, tags, authors] = await Promise.all([
    db.article.count({ where: published }),
    db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, slug: true } }),
    db.article.groupBy({ by: ["sectionId"], where: published, _max: { publishedAt: true } }),
    db.tag.findMany({ where: { articles: { some: { article: published } } }, orderBy: { slug: "asc" }, select: { slug: true } }),
    db.user.findMany({
      where: { status: { in: [...PUBLIC_AUTHOR_STATUSES] }, authorships: { some: { article: published } } },
      orderBy: { slug: "asc" },
      select: { slug: true },
    }),
  ]);
  const newest = new Map(newestBySection.map((group) => [group.sectionId, group._max.publishedAt]));
  const home = [...newest.values()].reduce<Date | null>((latest, d) => (d && (!latest || d > latest) ? d : latest), null);
  // Every edition's front page and section pages, each listing the others as its translations.
  const paths = await editionPaths(db);
  const translated = (members: { hreflang: string; path: string }[], lastmod: Date | null) => {
    const alternates = withXDefault(members, paths.xDefault);
    return members.map((m) => ({ path: m.path, lastmod, alternates }));
  };
  return {
    pages: [
      ...translated(paths.editions.map((e) => ({ hreflang: e.id, path: paths.prefix(e.id) || "/" })), home),
      ...sections.flatMap((s) => translated(paths.editions.map((e) => ({ hreflang: e.id, path: paths.sectionPath(e.id, s.id) })), newest.get(s.id) ?? null)),
      ...tags.map((t) => ({ path: `/tag/${t.slug}`, lastmod: null })),
      ...authors.map((a) => ({ path: `/author/${a.slug}`, lastmod: null })),
    ],
    articleCount,
  };
}

export const getSitemapOverview = publicQuery("getSitemapOverview", readSitemapOverview, {
  tags: () => [CacheTags.latest],
  buildFallback: { pages: [], articleCount: 0 },
});

/** Rows per query inside one sitemap chunk: bounded result sets however large the chunk. */
const SITEMAP_BATCH_SIZE = 10_000;

/**
 * Published articles `offset` .. `offset + take` in primary-key order, as sitemap entries (lastmod = revisedAt ??
 * publishedAt). One ordered lookup finds the first id, then keyset batches read the rest.
 */
export async function readSitemapArticles(offset: number, take: number, batchSize: number = SITEMAP_BATCH_SIZE): Promise<SitemapEntry[]> {
  if (take <= 0) return [];
  const db = getPublicReadDb();
  const published = await readableWhere(db);
  let lowerBound: Prisma.StringFilter | undefined;
  if (offset > 0) {
    const first = await db.article.findFirst({ where: published, orderBy: { id: "asc" }, skip: offset, select: { id: true } });
    if (!first) return [];
    lowerBound = { gte: first.id };
  }
  const rows: { id: string; slug: string; publishedAt: Date | null; revisedAt: Date | null; sectionId: string; editionId: string; translationGroupId: string | null }[] = [];
  while (rows.length < take) {
    const want = Math.min(batchSize, take - rows.length);
    const batch = await db.article.findMany({
      where: lowerBound ? { AND: [published, { id: lowerBound }] } : published,
      orderBy: { id: "asc" },
      take: want,
      select: { id: true, slug: true, publishedAt: true, revisedAt: true, sectionId: true, editionId: true, translationGroupId: true },
    });
    for (const row of batch) rows.push(row);
    const last = batch.at(-1);
    if (!last || batch.length < want) break;
    lowerBound = { gt: last.id };
  }
  // A handful of sections, mapped here: far cheaper than joining the section to 50,000 rows. Read after the
  // articles, so every section they name exists (a section with articles cannot be deleted).
  const paths = await editionPaths(db);
  const groupIds = [...new Set(rows.flatMap((row) => (row.translationGroupId ? [row.translationGroupId] : [])))];
  const members = groupIds.length
    ? await db.article.findMany({ where: { AND: [published, { translationGroupId: { in: groupIds } }] }, select: { slug: true, sectionId: true, editionId: true, translationGroupId: true } })
    : [];
  const byGroup = new Map<string, typeof members>();
  for (const member of members) byGroup.set(member.translationGroupId as string, [...(byGroup.get(member.translationGroupId as string) ?? []), member]);
  return rows.map((row) => ({
    path: paths.articlePath(row),
    lastmod: row.revisedAt ?? (row.publishedAt as Date),
    alternates: row.translationGroupId
      ? withXDefault((byGroup.get(row.translationGroupId) ?? []).map((m) => ({ hreflang: m.editionId, path: paths.articlePath(m) })), paths.xDefault)
      : undefined,
  }));
}

export const findSitemapArticles = publicQuery(
  "findSitemapArticles",
  (offset: number, take: number) => readSitemapArticles(offset, take),
  { tags: () => [CacheTags.latest], buildFallback: [] },
);

export type NewsSitemapArticle = { path: string; headline: string; publishedAt: Date; editionId: string };

/** Articles published in the last 48 hours, newest first, at most 1,000 (Google News' limits). */
export async function readNewsSitemapArticles(now: Date = new Date()): Promise<NewsSitemapArticle[]> {
  const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS);
  const rows = await getPublicReadDb().article.findMany({
    where: { AND: [await readableWhere(getPublicReadDb(), now), { publishedAt: { gte: since } }] },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_SITEMAP_MAX_URLS,
    select: { slug: true, headline: true, publishedAt: true, sectionId: true, editionId: true },
  });
  const paths = await editionPaths(getPublicReadDb());
  return rows.map((row) => ({ path: paths.articlePath(row), headline: row.headline, publishedAt: row.publishedAt as Date, editionId: row.editionId }));
}

export const findNewsSitemapArticles = publicQuery("findNewsSitemapArticles", () => readNewsSitemapArticles(), {
  tags: () => [CacheTags.latest],
  buildFallback: [],
});
