/**
 * The editor's reads and writes: create a draft, open it, save it (autosave or manual). Every save names the version
 * it was based on; a stale save is refused with a ConflictError and its content kept as a CONFLICT revision.
 * Authorization is in the queries: journalists reach only articles they created or co-author. A journalist's save of
 * a scheduled or published article goes to its pending update (./pending.ts), never to what readers see.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import { emptyDocument, renderDocumentHtml, type DocNode } from "@/lib/content/document";
import type { ArticleSave } from "@/lib/validation/articles";
import { writeAudit } from "../audit";
import { articleCacheTags, expirePublicTags } from "../cache";
import { ConflictError, DataValidationError, NotFoundError, SharedSessionError } from "../errors";
import { claimSlug, redirectSlug } from "../slug-redirects";
import { isUniqueViolation } from "../transaction";
import { enqueueArticleEvent } from "../webhooks/queue";
import { EVENT } from "@/lib/validation/api";
import type { SessionUser } from "../types";
import { reachableWhere } from "./access";
import { addRevision, articleStateSelect, assertFeaturedImageExists, contentSnapshot, isReaderVisibleChange, isRevisionDue, resolveTags, usedMedia, type ContentSnapshot } from "./content";
import { pendingUpdateSelect, readPendingUpdate, savePendingUpdate, savesLive } from "./pending";
import { isSharedDocumentOpen } from "./shared-access";
import { markTranslationsOutdated } from "./translations";

export async function createDraftArticle(actor: SessionUser, options: { sectionId?: string; editionId?: string } = {}) {
  assertCan(actor.role, "article:create");
  const db = getDb();
  const [section, edition] = await Promise.all([
    options.sectionId
      ? db.section.findUnique({ where: { id: options.sectionId }, select: { id: true } })
      : db.section.findFirst({ orderBy: { position: "asc" }, select: { id: true } }),
    // Staff may start a story in an edition closed to readers: that is how one is prepared (decision 0033).
    db.languageEdition.findFirst({ where: options.editionId ? { id: options.editionId } : { isDefault: true }, select: { id: true, searchConfig: true } }),
  ]);
  if (!section) throw new DataValidationError("sectionId", "Create a section first (Admin → Sections).");
  if (!edition) throw new DataValidationError("editionId", "There is no such edition; choose one from the list.");
  const body = emptyDocument();
  return db.$transaction(async (tx) => {
    const article = await tx.article.create({
      data: {
        slug: `draft-${randomBytes(5).toString("hex")}`,
        headline: "",
        body: body as unknown as Prisma.InputJsonValue,
        sectionId: section.id,
        editionId: edition.id,
        searchConfig: edition.searchConfig,
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

/**
 * The article as the actor edits it: its live content, or for a journalist on a released article with a pending
 * update, that update's content. `editsLive` says which; `pendingUpdate` describes the update (for the desk's review
 * and the author's banner), or is null.
 */
export async function getArticleForEditor(actor: SessionUser, articleId: string) {
  assertCan(actor.role, "dashboard:access");
  const db = getDb();
  const article = await db.article.findFirst({
    where: { id: articleId, ...reachableWhere(actor) },
    select: {
      id: true,
      slug: true,
      headline: true,
      dek: true,
      body: true,
      bodyText: true,
      datelineCity: true,
      sectionId: true,
      status: true,
      version: true,
      publishedAt: true,
      scheduledAt: true,
      seoTitle: true,
      seoDescription: true,
      featuredImageId: true,
      proposedTags: true,
      updatedAt: true,
      createdById: true,
      isLive: true,
      section: { select: { slug: true, name: true } },
      edition: { select: { id: true, isDefault: true } },
      lastEditedBy: { select: { name: true } },
      authors: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true } } } },
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true } } } },
      featuredImage: { select: { id: true, storageKey: true, alt: true, width: true, height: true } },
      pendingUpdate: { select: pendingUpdateSelect },
    },
  });
  if (!article) throw new NotFoundError("That article");
  const { pendingUpdate: pendingRow, ...row } = article;
  // Proposed tags (./tag-proposals.ts) follow the article's tags in the editor's one list.
  const live = { ...row, body: row.body as unknown as DocNode, authors: row.authors.map((a) => a.user), tags: [...row.tags.map((t) => t.tag.name), ...row.proposedTags] };
  const editsLive = savesLive(actor, row.status);
  const pending = pendingRow ? await readPendingUpdate(db, pendingRow, live) : null;
  return { ...live, ...(pending && !editsLive ? pending.content : {}), editsLive, pendingUpdate: pending?.summary ?? null };
}

export type EditorArticle = Awaited<ReturnType<typeof getArticleForEditor>>;

/**
 * Saves the editor's fields on top of `input.baseVersion`. Returns the new version, or throws:
 * ConflictError (someone saved in between; this content is kept as a CONFLICT revision), ForbiddenError (also: a
 * change to a released article's URL or byline without article:update:live), NotFoundError, DataValidationError (a
 * taken slug, an unknown section, author or image). `pending` says whether it went to the pending update.
 *
 * A save is a dozen statements in one transaction. Prisma's default 5 s limit turned slow saves on a busy server
 * (readers saturating the CPU: see scripts/drills/concurrency.ts) into failures; the writer's text is worth waiting for.
 */
export const SAVE_TRANSACTION = { maxWait: 10_000, timeout: 30_000 } as const;

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
  const snapshot = contentSnapshot(input);

  const outcome = await db.$transaction(async (tx) => {
    // Lock the row before comparing versions: two saves based on the same version must not both pass the check
    // (under READ COMMITTED the second would then overwrite the first without a conflict, losing it).
    await tx.$executeRaw`SELECT 1 FROM "Article" WHERE id = ${input.articleId} FOR UPDATE`;
    const current = await tx.article.findUniqueOrThrow({ where: { id: input.articleId }, select: articleStateSelect });
    const live = savesLive(actor, current.status);
    if (current.version !== input.baseVersion) {
      await tx.revision.create({
        data: { ...snapshot, articleId: input.articleId, version: input.baseVersion, kind: "CONFLICT", status: current.status, isPendingUpdate: !live, authorId: actor.id },
      });
      return { kind: "conflict", currentVersion: current.version } as const;
    }
    const saved = live ? await saveLive(tx, actor, input, current, snapshot) : await savePendingUpdate(tx, actor, input, current, snapshot);
    // Every change readers see is a revision; other saves every few minutes, or when saved by hand.
    const revision = (live && current.status === "PUBLISHED") || (await isRevisionDue(tx, input.articleId, input.mode));
    if (revision) {
      await addRevision(tx, { snapshot, articleId: input.articleId, version: saved.version, kind: input.mode === "manual" ? "MANUAL" : "AUTOSAVE", status: current.status, isPendingUpdate: !live, authorId: actor.id });
    }
    return { ...saved, revision };
  }, SAVE_TRANSACTION).catch((error: unknown) => {
    if (isUniqueViolation(error, "Article")) {
      throw new DataValidationError("slug", "Another article already uses this slug. Choose a different one.");
    }
    throw error;
  });
  if (outcome.kind === "conflict") throw new ConflictError(outcome.currentVersion);
  return outcome;
}

/**
 * A save from PUT /api/articles/:id, for clients without the co-editing socket. While the text it would write is open
 * in a shared document it is refused: written under a live session it would overwrite what the people in it are
 * typing. The refused text is kept as a CONFLICT revision, as a stale save's is (docs/decisions/0015-co-editing.md).
 */
export async function saveArticleOutsideSessions(actor: SessionUser, input: ArticleSave) {
  const article = await getDb().article.findFirst({ where: { id: input.articleId, ...reachableWhere(actor) }, select: { status: true, version: true } });
  if (!article) throw new NotFoundError("That article");
  const live = savesLive(actor, article.status);
  if (await isSharedDocumentOpen({ articleId: input.articleId, target: live ? "live" : "pending" })) {
    await getDb().revision.create({
      data: { ...contentSnapshot(input), articleId: input.articleId, version: input.baseVersion, kind: "CONFLICT", status: article.status, isPendingUpdate: !live, authorId: actor.id },
    });
    throw new SharedSessionError();
  }
  return saveArticle(actor, input);
}

export type ArticleState = Prisma.ArticleGetPayload<{ select: typeof articleStateSelect }>;

/**
 * A save that changes the article itself: every save of a draft, and the desk's of a released article. In the
 * caller's transaction with the article locked; the caller records the revision (a REST save by its mode, a shared
 * document by its writing session window: ./shared.ts).
 */
export async function saveLive(tx: DbTx, actor: SessionUser, input: ArticleSave, current: ArticleState, snapshot: ContentSnapshot) {
  // Authors: must be staff; a journalist must keep themselves on their own article. Only active accounts join a
  // byline (as a live entry's); someone already on it stays when their account is deactivated, so that a story whose
  // author left keeps its byline and can still be saved.
  const authors = await tx.user.findMany({ where: { id: { in: input.authorIds } }, select: { id: true, name: true, status: true } });
  if (authors.length !== input.authorIds.length) throw new DataValidationError("authorIds", "One of the authors is not a staff member.");
  const byline = await tx.articleAuthor.findMany({ where: { articleId: current.id }, select: { userId: true } });
  const inactive = authors.find((a) => a.status !== "ACTIVE" && !byline.some((b) => b.userId === a.id));
  if (inactive) throw new DataValidationError("authorIds", `${inactive.name}'s account is not active: only active staff can be added to the byline.`);
  if (!can(actor.role, "article:update:any") && !input.authorIds.includes(actor.id)) {
    throw new DataValidationError("authorIds", "You cannot remove yourself from your own article's byline.");
  }
  const section = await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true, slug: true } });
  if (!section) throw new DataValidationError("sectionId", "Choose a section.");
  await assertFeaturedImageExists(tx, input.featuredImageId);
  const { tagIds, proposed } = await resolveTags(tx, actor, input.tags, current.proposedTags);

  const isPublished = current.status === "PUBLISHED";
  const slugChanged = input.slug !== current.slug;
  if (slugChanged && current.publishedAt) await redirectSlug(tx, "ARTICLE", current.slug, current.id);
  if (slugChanged) await claimSlug(tx, "ARTICLE", input.slug);

  // The images of a pending update waiting beside the live content stay in use too.
  const pending = await tx.pendingUpdate.findUnique({ where: { articleId: current.id }, select: { body: true, featuredImageId: true } });
  const media = await usedMedia(tx, [{ body: snapshot.body, featuredImageId: input.featuredImageId }, ...(pending ? [pending] : [])]);
  const body = input.body as DocNode;
  const updated = await tx.article.update({
    where: { id: input.articleId },
    data: {
      ...snapshot,
      bodyHtml: renderDocumentHtml(body),
      sectionId: section.id,
      slug: input.slug,
      featuredImageId: input.featuredImageId,
      lastEditedById: actor.id,
      version: { increment: 1 },
      ...(isPublished && isReaderVisibleChange(snapshot, current) ? { revisedAt: new Date() } : {}),
      authors: { deleteMany: {}, create: input.authorIds.map((userId, position) => ({ userId, position })) },
      tags: { deleteMany: {}, create: tagIds.map((tagId, position) => ({ tagId, position })) },
      proposedTags: proposed,
      mediaUsages: { deleteMany: {}, create: media },
    },
    select: articleStateSelect,
  });

  if (isPublished) {
    // Readers see the change at once: expire the pages it was on before and the ones it is on now.
    await expirePublicTags(tx, [...articleCacheTags(current), ...articleCacheTags(updated)]);
    if (isReaderVisibleChange(snapshot, current)) {
      await enqueueArticleEvent(tx, EVENT.updated, current.id);
      await markTranslationsOutdated(tx, current.id);
    }
    if (slugChanged || section.slug !== current.section.slug) {
      await writeAudit(tx, { actor, action: "article.url_change", targetType: "Article", targetId: input.articleId, details: { from: `/${current.section.slug}/${current.slug}`, to: `/${section.slug}/${input.slug}` } });
    }
  }
  return { kind: "saved", version: updated.version, slug: updated.slug, savedAt: new Date(), pending: false } as const;
}
