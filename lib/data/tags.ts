/**
 * Tags. Readers see a tag at /tag/{slug} only while at least one published article carries it: editors may create a
 * tag for a story that is still a draft, and its name alone must not leak that story. Editors create tags on the fly
 * from the article editor (lib/data/articles/editor.ts); admins create, rename and merge them here (renaming and
 * merging change every article carrying the tag).
 *
 * A slug change or a merge keeps old tag URLs working with a SlugRedirect (entity TAG) from the old slug to the
 * surviving tag's id; `resolveTagSlug` is what the public tag page uses to follow it. Every change expires the tag
 * pages involved, the latest-article lists and the pages of the published articles that show the tag.
 */
import "server-only";
import { getDb, getPublicReadDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { SLUG_PATTERN } from "@/lib/content/slug";
import { publishedWhere } from "./articles/public";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags, publicQuery } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import { editionNameTagsOf } from "./name-translations";
import { claimSlug, formerSlugs, redirectEditionSlug, redirectSlug } from "./slug-redirects";
import { transactionRefusingTaken } from "./transaction";
import type { SessionUser } from "./types";

// Public reads ---------------------------------------------------------------------------------------------------

export type PublicTag = { id: string; name: string; slug: string };

/**
 * The tag with this slug, or null when there is none or none of its articles is published. Cached under the tag's
 * own cache tag, which every publish or unpublish of one of its articles expires (tagsForArticle).
 */
export const getTagBySlug = publicQuery(
  "getTagBySlug",
  async (slug: string): Promise<PublicTag | null> => {
    if (!SLUG_PATTERN.test(slug)) return null;
    return getPublicReadDb().tag.findFirst({
      where: { slug, articles: { some: { article: publishedWhere() } } },
      select: { id: true, name: true, slug: true },
    });
  },
  { tags: (slug) => [CacheTags.tag(slug)], buildFallback: null },
);

/**
 * The current slug of a tag that used to answer at `oldSlug` (renamed or merged away), or null. For the public tag
 * page: when getTagBySlug finds nothing, follow this with a permanent redirect. Cached under the old slug's tag,
 * which renames and merges expire.
 */
export const resolveTagSlug = publicQuery(
  "resolveTagSlug",
  async (oldSlug: string): Promise<string | null> => {
    if (!SLUG_PATTERN.test(oldSlug)) return null;
    const redirect = await getPublicReadDb().slugRedirect.findUnique({ where: { entity_oldSlug: { entity: "TAG", oldSlug } }, select: { targetId: true } });
    if (!redirect) return null;
    const tag = await getPublicReadDb().tag.findUnique({ where: { id: redirect.targetId }, select: { slug: true } });
    return tag && tag.slug !== oldSlug ? tag.slug : null;
  },
  { tags: (slug) => [CacheTags.tag(slug)], buildFallback: null },
);

// Staff ------------------------------------------------------------------------------------------------------------

/** Every tag name, for the editor's suggestions (staff only: a draft's tag may name an unpublished story). */
export async function listTagNames(actor: SessionUser): Promise<string[]> {
  assertCan(actor.role, "dashboard:access");
  const rows = await getDb().tag.findMany({ orderBy: { name: "asc" }, select: { name: true }, take: 2000 });
  return rows.map((r) => r.name);
}

export type TagFields = { name: string; slug: string };

const tagSelect = { id: true, name: true, slug: true, createdAt: true } as const;

export async function listTagsForAdmin(actor: SessionUser, filter: { q?: string } = {}) {
  assertCan(actor.role, "tag:manage");
  const q = filter.q?.trim();
  const rows = await getDb().tag.findMany({
    where: q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q.toLowerCase() } }] } : {},
    orderBy: { name: "asc" },
    take: 1000,
    select: { ...tagSelect, _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, articleCount: _count.articles }));
}

export async function getTagForAdmin(actor: SessionUser, id: string) {
  assertCan(actor.role, "tag:manage");
  const tag = await getDb().tag.findUnique({ where: { id }, select: { ...tagSelect, _count: { select: { articles: true } } } });
  if (!tag) return null;
  const { _count, ...rest } = tag;
  return { ...rest, articleCount: _count.articles, formerSlugs: await formerSlugs(getDb(), "TAG", id) };
}

/** Every tag's id and name, for the "merge into" choice. */
export async function listTagChoices(actor: SessionUser) {
  assertCan(actor.role, "tag:manage");
  return getDb().tag.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true }, take: 5000 });
}

async function assertNameAndSlugFree(tx: DbTx, input: TagFields, exceptId?: string): Promise<void> {
  const others = { id: exceptId ? { not: exceptId } : undefined };
  if (await tx.tag.findFirst({ where: { ...others, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })) {
    throw new DataValidationError("name", "Another tag already has this name. To combine them, merge this tag into it.");
  }
  if (await tx.tag.findFirst({ where: { ...others, slug: input.slug }, select: { id: true } })) {
    throw new DataValidationError("slug", "Another tag already uses this slug.");
  }
}

/** What a concurrent change that slipped past assertNameAndSlugFree is told. */
const TAKEN = { field: "name", message: "Another tag already has this name or slug." };

/**
 * The public pages that show a tag: its own pages (and the cached redirects from its former slugs), lists, and the
 * published articles that carry it.
 */
async function tagsForTag(tx: DbTx, tagId: string, slugs: string[]): Promise<string[]> {
  const [articles, former] = await Promise.all([
    tx.article.findMany({ where: { status: "PUBLISHED", tags: { some: { tagId } } }, select: { slug: true }, take: 5000 }),
    formerSlugs(tx, "TAG", tagId),
  ]);
  return [...slugs, ...former].map(CacheTags.tag).concat(CacheTags.latest, articles.map((a) => CacheTags.article(a.slug)));
}

export async function createTag(actor: SessionUser, input: TagFields) {
  assertCan(actor.role, "tag:manage");
  return transactionRefusingTaken(async (tx) => {
    await assertNameAndSlugFree(tx, input);
    const tag = await tx.tag.create({ data: { name: input.name, slug: input.slug }, select: tagSelect });
    await claimSlug(tx, "TAG", input.slug);
    await writeAudit(tx, { actor, action: "tag.create", targetType: "Tag", targetId: tag.id, details: { name: tag.name, slug: tag.slug } });
    await expirePublicTags(tx, [CacheTags.tag(tag.slug)]);
    return tag;
  }, TAKEN);
}

/** Renames a tag; a new slug leaves a redirect from the old one. */
export async function renameTag(actor: SessionUser, id: string, input: TagFields) {
  assertCan(actor.role, "tag:manage");
  return transactionRefusingTaken(async (tx) => {
    const before = await tx.tag.findUnique({ where: { id }, select: tagSelect });
    if (!before) throw new NotFoundError("That tag");
    if (before.name === input.name && before.slug === input.slug) return before;
    await assertNameAndSlugFree(tx, input, id);
    const tag = await tx.tag.update({ where: { id }, data: { name: input.name, slug: input.slug }, select: tagSelect });
    if (before.slug !== input.slug) {
      await redirectSlug(tx, "TAG", before.slug, id);
      await claimSlug(tx, "TAG", input.slug);
    }
    await writeAudit(tx, {
      actor,
      action: "tag.rename",
      targetType: "Tag",
      targetId: id,
      details: { from: { name: before.name, slug: before.slug }, to: { name: tag.name, slug: tag.slug } },
    });
    const editions = before.slug !== tag.slug ? await editionNameTagsOf(tx, "TAG", id) : [];
    await expirePublicTags(tx, [...(await tagsForTag(tx, id, [before.slug, tag.slug])), ...editions]);
    return tag;
  }, TAKEN);
}

/**
 * Merges `sourceId` into `targetId`: every article carrying the source carries the target instead (in the source's
 * place in its tag order, or not twice if it had both), the source is deleted, and its slug (and any slugs that
 * already redirected to it) redirect to the target.
 */
export async function mergeTags(actor: SessionUser, sourceId: string, targetId: string) {
  assertCan(actor.role, "tag:manage");
  if (sourceId === targetId) throw new DataValidationError("targetId", "Choose a different tag to merge into.");
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:tags'))`;
    const [source, target] = await Promise.all([
      tx.tag.findUnique({ where: { id: sourceId }, select: tagSelect }),
      tx.tag.findUnique({ where: { id: targetId }, select: tagSelect }),
    ]);
    if (!source) throw new NotFoundError("The tag to merge");
    if (!target) throw new DataValidationError("targetId", "The tag to merge into no longer exists.");
    // Pages to expire are gathered before the links move, while the source still knows its articles.
    const expire = [
      ...(await tagsForTag(tx, sourceId, [source.slug])),
      ...(await tagsForTag(tx, targetId, [target.slug])),
      ...(await editionNameTagsOf(tx, "TAG", sourceId)),
      ...(await editionNameTagsOf(tx, "TAG", targetId)),
    ];
    // In each edition, the source's translated slug (and its slugs that already redirected) lead to the target.
    const sourceNames = await tx.tagTranslation.findMany({ where: { tagId: sourceId }, select: { editionId: true, slug: true } });

    const links = await tx.articleTag.findMany({ where: { tagId: sourceId }, select: { articleId: true, position: true } });
    const already = new Set(
      (await tx.articleTag.findMany({ where: { tagId: targetId, articleId: { in: links.map((l) => l.articleId) } }, select: { articleId: true } })).map(
        (l) => l.articleId,
      ),
    );
    const moving = links.filter((l) => !already.has(l.articleId));
    if (moving.length > 0) {
      await tx.articleTag.createMany({ data: moving.map((l) => ({ articleId: l.articleId, tagId: targetId, position: l.position })) });
    }
    await tx.tag.delete({ where: { id: sourceId } }); // cascades the source's ArticleTag rows

    await tx.slugRedirect.updateMany({ where: { entity: "TAG", targetId: sourceId }, data: { targetId } });
    await redirectSlug(tx, "TAG", source.slug, targetId);
    await tx.editionSlugRedirect.updateMany({ where: { entity: "TAG", targetId: sourceId }, data: { targetId } });
    for (const name of sourceNames) await redirectEditionSlug(tx, "TAG", name.editionId, name.slug, targetId);
    await writeAudit(tx, {
      actor,
      action: "tag.merge",
      targetType: "Tag",
      targetId,
      details: {
        from: { id: source.id, name: source.name, slug: source.slug },
        into: { id: target.id, name: target.name, slug: target.slug },
        articles: links.length,
      },
    });
    await expirePublicTags(tx, expire);
    return { target, movedArticles: moving.length, articles: links.length };
  });
}
