/**
 * The editor's reads and writes: create a draft, open it, save it (autosave or manual). Every save names the version
 * it was based on; a stale save is refused with a ConflictError and its content kept as a CONFLICT revision.
 * Authorization is in the queries: journalists reach only articles they created or co-author.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import { documentImages, documentToPlainText, emptyDocument, renderDocumentHtml, type DocNode } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import type { ArticleSave } from "@/lib/validation/articles";
import { writeAudit } from "../audit";
import { articleCacheTags, articleCacheTagsSelect, expirePublicTags } from "../cache";
import { ConflictError, DataValidationError, NotFoundError } from "../errors";
import { claimSlug, redirectSlug } from "../slug-redirects";
import { isUniqueViolation } from "../transaction";
import type { SessionUser } from "../types";
import { reachableWhere } from "./access";

/** Autosaves add a revision at most this often; manual saves and status changes always do. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 3 * 60_000;

export async function createDraftArticle(actor: SessionUser, options: { sectionId?: string } = {}) {
  assertCan(actor.role, "article:create");
  const db = getDb();
  const section = options.sectionId
    ? await db.section.findUnique({ where: { id: options.sectionId }, select: { id: true } })
    : await db.section.findFirst({ orderBy: { position: "asc" }, select: { id: true } });
  if (!section) throw new DataValidationError("sectionId", "Create a section first (Admin → Sections).");
  const body = emptyDocument();
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        slug: `draft-${randomBytes(5).toString("hex")}`,
        headline: "",
        body: body as unknown as Prisma.InputJsonValue,
        sectionId: section.id,
        createdById: actor.id,
        lastEditedById: actor.id,
        authors: { create: [{ userId: actor.id, position: 0 }] },
      },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: "article.create", targetType: "Article", targetId: article.id });
    return article;
  });
}

export async function getArticleForEditor(actor: SessionUser, articleId: string) {
  assertCan(actor.role, "dashboard:access");
  const article = await getDb().article.findFirst({
    where: { id: articleId, ...reachableWhere(actor) },
    select: {
      id: true,
      slug: true,
      headline: true,
      dek: true,
      body: true,
      datelineCity: true,
      sectionId: true,
      status: true,
      version: true,
      publishedAt: true,
      scheduledAt: true,
      seoTitle: true,
      seoDescription: true,
      featuredImageId: true,
      updatedAt: true,
      createdById: true,
      section: { select: { slug: true, name: true } },
      lastEditedBy: { select: { name: true } },
      authors: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true } } } },
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true } } } },
      featuredImage: { select: { id: true, storageKey: true, alt: true, width: true, height: true } },
    },
  });
  if (!article) throw new NotFoundError("That article");
  return {
    ...article,
    body: article.body as unknown as DocNode,
    authors: article.authors.map((a) => a.user),
    tags: article.tags.map((t) => t.tag.name),
  };
}

export type EditorArticle = Awaited<ReturnType<typeof getArticleForEditor>>;

async function resolveTags(tx: DbTx, actor: SessionUser, names: string[]) {
  // A tag with no letter or digit a URL can carry (only symbols, emoji, or another script) has no slug: refuse it by
  // name rather than dropping it without a word.
  const unusable = names.find((n) => !slugify(n));
  if (unusable !== undefined) {
    throw new DataValidationError("tags", `The tag “${unusable.trim()}” needs at least one letter (a–z) or digit for its web address. Rename it.`);
  }
  const unique = [...new Map(names.map((n) => [slugify(n), n.trim()])).entries()];
  const ids: string[] = [];
  for (const [slug, name] of unique) {
    const existing = await tx.tag.findUnique({ where: { slug }, select: { id: true } });
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    if (!can(actor.role, "tag:create")) {
      throw new DataValidationError("tags", `There is no tag “${name}”. Pick an existing tag; editors can create new ones.`);
    }
    const created = await tx.tag.create({ data: { name, slug }, select: { id: true } });
    await writeAudit(tx, { actor, action: "tag.create", targetType: "Tag", targetId: created.id, details: { name } });
    ids.push(created.id);
  }
  return ids;
}

/**
 * Saves the editor's fields on top of `input.baseVersion`. Returns the new version, or throws:
 * ConflictError (someone saved in between; this content is kept as a CONFLICT revision), ForbiddenError,
 * NotFoundError, DataValidationError (a taken slug, an unknown section, author or image).
 *
 * A save is a dozen statements in one transaction. Prisma's default 5 s limit turned slow saves on a busy server
 * (readers saturating the CPU: see scripts/drills/concurrency.ts) into failures; the writer's text is worth waiting for.
 */
const SAVE_TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const;

export async function saveArticle(actor: SessionUser, input: ArticleSave) {
  // Two saves that create the same new tag at once: the second one's insert meets the first one's committed tag.
  // Its transaction has rolled back whole, so it runs again, and this time finds the tag.
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveArticleOnce(actor, input);
    } catch (error) {
      if (isUniqueViolation(error, "Tag") && attempt < 3) continue;
      throw error;
    }
  }
}

async function saveArticleOnce(actor: SessionUser, input: ArticleSave) {
  const db = getDb();
  const found = await db.article.findFirst({ where: { id: input.articleId, ...reachableWhere(actor) }, select: { id: true } });
  if (!found) throw new NotFoundError("That article");
  if (!can(actor.role, "article:update:any")) assertCan(actor.role, "article:update:own");

  const body = input.body as DocNode;
  const bodyText = documentToPlainText(body);
  const snapshot = {
    headline: input.headline,
    dek: input.dek,
    body: body as unknown as Prisma.InputJsonValue,
    bodyText,
    datelineCity: input.datelineCity,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
  };

  const outcome = await db.$transaction(async (tx) => {
    // Lock the row before comparing versions: two saves based on the same version must not both pass the check
    // (under READ COMMITTED the second would then overwrite the first without a conflict, losing it).
    await tx.$executeRaw`SELECT 1 FROM "Article" WHERE id = ${input.articleId} FOR UPDATE`;
    const current = await tx.article.findUniqueOrThrow({ where: { id: input.articleId }, select: articleStateSelect });
    if (current.version !== input.baseVersion) {
      await tx.revision.create({ data: { ...snapshot, articleId: input.articleId, version: input.baseVersion, kind: "CONFLICT", status: current.status, authorId: actor.id } });
      return { kind: "conflict", currentVersion: current.version } as const;
    }
    // Authors: must be staff; a journalist must keep themselves on their own article.
    const authors = await tx.user.findMany({ where: { id: { in: input.authorIds } }, select: { id: true, slug: true } });
    if (authors.length !== input.authorIds.length) throw new DataValidationError("authorIds", "One of the authors is not a staff member.");
    if (!can(actor.role, "article:update:any") && !input.authorIds.includes(actor.id)) {
      throw new DataValidationError("authorIds", "You cannot remove yourself from your own article's byline.");
    }
    const section = await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true, slug: true } });
    if (!section) throw new DataValidationError("sectionId", "Choose a section.");
    if (input.featuredImageId) {
      const media = await tx.media.findUnique({ where: { id: input.featuredImageId }, select: { id: true } });
      if (!media) throw new DataValidationError("featuredImageId", "That image is no longer in the media library.");
    }
    const tagIds = await resolveTags(tx, actor, input.tags);

    const isPublished = current.status === "PUBLISHED";
    const slugChanged = input.slug !== current.slug;
    if (slugChanged && current.publishedAt) await redirectSlug(tx, "ARTICLE", current.slug, current.id);
    if (slugChanged) await claimSlug(tx, "ARTICLE", input.slug);

    const bodyMediaIds = documentImages(body).flatMap((i) => (i.mediaId ? [i.mediaId] : []));
    const mediaIds = [...new Set([...bodyMediaIds, ...(input.featuredImageId ? [input.featuredImageId] : [])])];
    const knownMedia = mediaIds.length ? await tx.media.findMany({ where: { id: { in: mediaIds } }, select: { id: true } }) : [];

    const contentChanged =
      input.headline !== current.headline || input.dek !== current.dek || bodyText !== current.bodyText || input.datelineCity !== current.datelineCity;
    const updated = await tx.article.update({
      where: { id: input.articleId },
      data: {
        headline: input.headline,
        dek: input.dek,
        body: snapshot.body,
        bodyHtml: renderDocumentHtml(body),
        bodyText,
        datelineCity: input.datelineCity,
        sectionId: section.id,
        slug: input.slug,
        seoTitle: input.seoTitle,
        seoDescription: input.seoDescription,
        featuredImageId: input.featuredImageId,
        lastEditedById: actor.id,
        version: { increment: 1 },
        ...(isPublished && contentChanged ? { revisedAt: new Date() } : {}),
        authors: { deleteMany: {}, create: input.authorIds.map((userId, position) => ({ userId, position })) },
        tags: { deleteMany: {}, create: tagIds.map((tagId, position) => ({ tagId, position })) },
        mediaUsages: { deleteMany: {}, create: knownMedia.map((m) => ({ mediaId: m.id })) },
      },
      select: articleStateSelect,
    });

    const lastRevision = await tx.revision.findFirst({
      where: { articleId: input.articleId, kind: { in: ["AUTOSAVE", "MANUAL", "RESTORE", "STATUS"] } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const dueForRevision = input.mode === "manual" || !lastRevision || Date.now() - lastRevision.createdAt.getTime() >= AUTOSAVE_REVISION_INTERVAL_MS;
    if (dueForRevision) {
      await tx.revision.create({
        data: { ...snapshot, articleId: input.articleId, version: updated.version, kind: input.mode === "manual" ? "MANUAL" : "AUTOSAVE", status: updated.status, authorId: actor.id },
      });
    }
    if (isPublished) {
      // Readers see the change at once: expire the pages it was on before and the ones it is on now.
      await expirePublicTags(tx, [...articleCacheTags(current), ...articleCacheTags(updated)]);
      if (slugChanged || section.slug !== current.section.slug) {
        await writeAudit(tx, { actor, action: "article.url_change", targetType: "Article", targetId: input.articleId, details: { from: `/${current.section.slug}/${current.slug}`, to: `/${section.slug}/${input.slug}` } });
      }
    }
    return { kind: "saved", version: updated.version, slug: updated.slug, savedAt: new Date(), revision: dueForRevision } as const;
  }, SAVE_TRANSACTION).catch((error: unknown) => {
    if (isUniqueViolation(error, "Article")) {
      throw new DataValidationError("slug", "Another article already uses this slug. Choose a different one.");
    }
    throw error;
  });
  if (outcome.kind === "conflict") throw new ConflictError(outcome.currentVersion);
  return outcome;
}

/** An article's state as a change compares against it: its version, status, text and what names its cache tags. */
export const articleStateSelect = {
  ...articleCacheTagsSelect,
  id: true,
  status: true,
  version: true,
  headline: true,
  dek: true,
  bodyText: true,
  datelineCity: true,
  publishedAt: true,
} as const satisfies Prisma.ArticleSelect;
