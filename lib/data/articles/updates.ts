/**
 * The life of a pending update (./pending.ts, docs/decisions/0014-pending-updates.md): its author submits it for
 * review; the desk publishes it (the publish checklist applies to it, a revision is recorded, the public pages it
 * touches are refreshed) or sends it back with a note (changes requested, until its author submits it again); its
 * author (or the desk) can discard it, and its text is kept as a revision. Each change runs in one transaction with
 * the article row locked, as saves and transitions do, and with the notifications it makes (lib/data/notifications).
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PendingUpdateStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import { UPDATE_SUBMITTABLE } from "@/lib/article-status";
import { renderDocumentHtml, type DocNode } from "@/lib/content/document";
import { writeAudit } from "../audit";
import { articleCacheTags, expirePublicTags } from "../cache";
import { WorkflowError } from "../errors";
import { notifyStoryEvent } from "../notifications/notify";
import { sendNotificationEmailsSoon } from "../notifications/outbox";
import { deliverWebhooksSoon } from "../webhooks/deliveries";
import { enqueueArticleEvent } from "../webhooks/queue";
import { EVENT } from "@/lib/validation/api";
import type { SessionUser } from "../types";
import { lockArticle, reachableWhere, visibleWhere } from "./access";
import { publishChecklist } from "./checklist";
import { articleStateSelect, isReaderVisibleChange, usedMedia } from "./content";
import { pendingContentSelect } from "./pending";
import { adoptProposedTags } from "./tag-proposals";
import { markTranslationsOutdated } from "./translations";

type PendingContent = Prisma.PendingUpdateGetPayload<{ select: typeof pendingContentSelect }>;

/** The text of a pending update as a revision keeps it. */
function revisionText({ headline, dek, body, bodyText, datelineCity, seoTitle, seoDescription }: PendingContent) {
  return { headline, dek, body: body as Prisma.InputJsonValue, bodyText, datelineCity, seoTitle, seoDescription };
}

/**
 * One change of an article's pending update, in a transaction, with the article (matching `where`) locked; the
 * e-mails of its notifications go out after the commit.
 */
async function changeUpdate<T>(articleId: string, where: Prisma.ArticleWhereInput, change: (tx: DbTx) => Promise<T>): Promise<T> {
  const result = await getDb().$transaction(async (tx) => {
    await lockArticle(tx, articleId, where);
    return change(tx);
  });
  sendNotificationEmailsSoon();
  deliverWebhooksSoon();
  return result;
}

async function requirePending(tx: DbTx, articleId: string, statuses: readonly PendingUpdateStatus[], refusal: string) {
  const pending = await tx.pendingUpdate.findUnique({ where: { articleId }, select: { status: true, headline: true, article: { select: { headline: true } } } });
  if (!pending || !statuses.includes(pending.status)) throw new WorkflowError(refusal);
  return pending;
}

/**
 * Makes the pending update the article's content, in the caller's transaction with the article locked: its text,
 * featured image, tags and proposed tags, under the article's own URL and byline. Records an UPDATE revision and removes the update.
 * `revise` moves the article's "Updated" time when readers see a difference. Returns null when there is no update.
 */
export async function applyPendingUpdate(tx: DbTx, actor: SessionUser, articleId: string, options: { revise: boolean }) {
  const pending = await tx.pendingUpdate.findUnique({ where: { articleId }, select: pendingContentSelect });
  if (!pending) return null;
  const before = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { headline: true, dek: true, bodyText: true, datelineCity: true } });
  const text = revisionText(pending);
  // Tags merged away since the update was written are left out.
  const known = new Set((await tx.tag.findMany({ where: { id: { in: pending.tagIds } }, select: { id: true } })).map((t) => t.id));
  const tagIds = [...new Set(pending.tagIds)].filter((id) => known.has(id));
  const changed = isReaderVisibleChange(pending, before);
  await tx.pendingUpdate.delete({ where: { articleId } });
  const updated = await tx.article.update({
    where: { id: articleId },
    data: {
      ...text,
      bodyHtml: renderDocumentHtml(pending.body as unknown as DocNode),
      featuredImageId: pending.featuredImageId,
      lastEditedById: actor.id,
      version: { increment: 1 },
      ...(options.revise && changed ? { revisedAt: new Date() } : {}),
      tags: { deleteMany: {}, create: tagIds.map((tagId, position) => ({ tagId, position })) },
      proposedTags: pending.proposedTags,
      mediaUsages: { deleteMany: {}, create: await usedMedia(tx, [pending]) },
    },
    select: { version: true, status: true },
  });
  await tx.revision.create({ data: { ...text, articleId, version: updated.version, kind: "UPDATE", status: updated.status, authorId: actor.id } });
  if (options.revise && changed) await markTranslationsOutdated(tx, articleId);
  return updated;
}

/** DRAFT or CHANGES_REQUESTED → IN_REVIEW, by one of the article's authors (or the desk): the update joins the desk's review queue. */
export async function submitUpdate(actor: SessionUser, articleId: string) {
  assertCan(actor.role, "article:submit");
  return changeUpdate(articleId, visibleWhere(actor), async (tx) => {
    const pending = await requirePending(tx, articleId, UPDATE_SUBMITTABLE, "There is no pending update to submit: it is already in review, or there are no changes.");
    await tx.pendingUpdate.update({ where: { articleId }, data: { status: "IN_REVIEW", submittedAt: new Date() } });
    await writeAudit(tx, { actor, action: "article.update_submit", targetType: "Article", targetId: articleId, details: { headline: pending.headline } });
    await notifyStoryEvent(tx, { kind: "UPDATE_SUBMITTED", articleId, headline: pending.article.headline, actor });
    return { status: "IN_REVIEW" as const };
  });
}

/** IN_REVIEW → CHANGES_REQUESTED, by the desk, with a note to the authors saying why. The live article is untouched. */
export async function sendBackUpdate(actor: SessionUser, articleId: string, note: string) {
  assertCan(actor.role, "article:publish");
  return changeUpdate(articleId, visibleWhere(actor), async (tx) => {
    const pending = await requirePending(tx, articleId, ["IN_REVIEW"], "There is no update waiting for review on this article.");
    await tx.pendingUpdate.update({ where: { articleId }, data: { status: "CHANGES_REQUESTED", submittedAt: null } });
    await tx.editorialNote.create({ data: { articleId, authorId: actor.id, body: note, requestsChanges: true } });
    await writeAudit(tx, { actor, action: "article.update_send_back", targetType: "Article", targetId: articleId, details: { headline: pending.headline, note } });
    await notifyStoryEvent(tx, { kind: "UPDATE_SENT_BACK", articleId, headline: pending.article.headline, actor, detail: note });
    return { status: "CHANGES_REQUESTED" as const };
  });
}

/**
 * The desk publishes an update in review: it becomes the article's content if the checklist passes on it, the
 * "Updated" time moves when readers see a difference, and the pages the article was and is on are refreshed.
 */
export async function publishUpdate(actor: SessionUser, articleId: string) {
  assertCan(actor.role, "article:publish");
  return changeUpdate(articleId, visibleWhere(actor), async (tx) => {
    const before = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: articleStateSelect });
    await requirePending(tx, articleId, ["IN_REVIEW"], "There is no update waiting for review on this article.");
    const isLive = before.status === "PUBLISHED";
    await applyPendingUpdate(tx, actor, articleId, { revise: isLive });
    // A scheduled article's proposed tags wait for the schedule.
    if (isLive) await adoptProposedTags(tx, actor, articleId);
    const missing = await publishChecklist(tx, articleId);
    if (missing.length > 0) throw new WorkflowError("This update is not ready to publish.", missing);
    const after = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: articleStateSelect });
    if (isLive) {
      await expirePublicTags(tx, [...articleCacheTags(before), ...articleCacheTags(after)]);
      await enqueueArticleEvent(tx, EVENT.updated, articleId);
    }
    await writeAudit(tx, { actor, action: "article.update_publish", targetType: "Article", targetId: articleId, details: { from: before.headline, headline: after.headline } });
    await notifyStoryEvent(tx, { kind: "UPDATE_PUBLISHED", articleId, headline: after.headline, actor });
    return { status: after.status };
  });
}

/** Drops the pending update (its author, or the desk); its text stays in the history as a DISCARD revision. */
export async function discardUpdate(actor: SessionUser, articleId: string) {
  if (!can(actor.role, "article:update:any")) assertCan(actor.role, "article:update:own");
  return changeUpdate(articleId, reachableWhere(actor), async (tx) => {
    const pending = await tx.pendingUpdate.findUnique({ where: { articleId }, select: pendingContentSelect });
    if (!pending) throw new WorkflowError("There is no pending update to discard.");
    const live = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true, featuredImageId: true } });
    await tx.pendingUpdate.delete({ where: { articleId } });
    // The authors' open editors were showing the update: moving the version makes them load the live text.
    const updated = await tx.article.update({
      where: { id: articleId },
      data: { version: { increment: 1 }, mediaUsages: { deleteMany: {}, create: await usedMedia(tx, [live]) } },
      select: { version: true, status: true },
    });
    await tx.revision.create({
      data: { ...revisionText(pending), articleId, version: updated.version, kind: "DISCARD", status: updated.status, isPendingUpdate: true, authorId: actor.id },
    });
    await writeAudit(tx, { actor, action: "article.update_discard", targetType: "Article", targetId: articleId, details: { headline: pending.headline } });
    return { status: updated.status };
  });
}
