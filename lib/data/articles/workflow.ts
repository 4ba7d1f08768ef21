/**
 * Putting articles in front of readers and taking them away. Each change commits together with its revision, its
 * audit entry, the notifications of the people it concerns (lib/data/notifications) and the expiry of exactly the
 * public cache tags it touches (lib/data/cache.ts), so readers on every app instance see it within moments, and never
 * see a half-made change. Which status each move starts from is lib/article-status.ts.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { MOVES_FROM } from "@/lib/article-status";
import { writeAudit } from "../audit";
import { articleCacheTags, CacheTags, expirePublicTags } from "../cache";
import { WorkflowError } from "../errors";
import { notifyStoryEvent, type StoryEvent } from "../notifications/notify";
import { sendNotificationEmailsSoon } from "../notifications/outbox";
import { deliverWebhooksSoon } from "../webhooks/deliveries";
import { enqueueArticleEvent } from "../webhooks/queue";
import { EVENT } from "@/lib/validation/api";
import type { SessionUser } from "../types";
import { lockArticle, visibleWhere } from "./access";
import { publishChecklist } from "./checklist";
import { articleAddresses, recordGonePaths } from "./gone-paths";
import { articleStateSelect } from "./content";
import { RELEASED_STATUSES } from "./pending";
import { adoptProposedTags } from "./tag-proposals";
import { applyPendingUpdate } from "./updates";

/** What a transition reads: the state, plus what its STATUS revision keeps. */
const publicShape = { ...articleStateSelect, body: true, seoTitle: true, seoDescription: true } as const satisfies Prisma.ArticleSelect;

type PublicShape = Prisma.ArticleGetPayload<{ select: typeof publicShape }>;

async function snapshot(tx: DbTx, article: PublicShape, author: { id: string; bySchedule: boolean }, status: PublicShape["status"], version: number) {
  await tx.revision.create({
    data: {
      articleId: article.id,
      version,
      kind: "STATUS",
      headline: article.headline,
      dek: article.dek,
      body: article.body as Prisma.InputJsonValue,
      bodyText: article.bodyText,
      datelineCity: article.datelineCity,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      status,
      bySchedule: author.bySchedule,
      authorId: author.id,
    },
  });
}

type Rule = { permission: Permission; from: readonly ArticleStatus[]; refusal: string };

/**
 * One change of an article's status, in a transaction: the permission first, then the article (one the actor may
 * see, row-locked so concurrent transitions and scheduler runs wait for each other), which must be in a status the
 * rule allows the change `from`.
 */
async function changeArticle<T>(actor: SessionUser, articleId: string, rule: Rule, change: (tx: DbTx, article: PublicShape) => Promise<T>): Promise<T> {
  assertCan(actor.role, rule.permission);
  const result = await getDb().$transaction(async (tx) => {
    await lockArticle(tx, articleId, visibleWhere(actor));
    const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: publicShape });
    if (!rule.from.includes(article.status)) throw new WorkflowError(rule.refusal);
    return change(tx, article);
  });
  sendNotificationEmailsSoon();
  deliverWebhooksSoon();
  return result;
}

/** Tells the people concerned about a change of `article` (in the change's transaction). */
function notify(tx: DbTx, article: PublicShape, actor: SessionUser | null, kind: StoryEvent["kind"], extra: Partial<StoryEvent> = {}) {
  return notifyStoryEvent(tx, { kind, articleId: article.id, headline: article.headline, actor, ...extra });
}

/**
 * A change of status with its revision and audit entry. `actor` is null when the scheduler publishes: the revision is
 * then marked as the schedule's and credited to `scheduledBy` (who set it), or to the article's creator if unknown.
 */
async function transition(
  tx: DbTx,
  actor: SessionUser | null,
  article: PublicShape,
  data: Prisma.ArticleUpdateInput,
  action: string,
  details: Prisma.InputJsonValue = {},
  scheduledBy: { id: string } | null = null,
) {
  const updated = await tx.article.update({
    where: { id: article.id },
    data: { ...data, version: { increment: 1 }, ...(actor ? { lastEditedBy: { connect: { id: actor.id } } } : {}) },
    select: { version: true, status: true, publishedAt: true, scheduledAt: true },
  });
  // Publishing (by hand or by the schedule) is the desk's approval of the tags a journalist proposed.
  if (updated.status === "PUBLISHED") await adoptProposedTags(tx, actor, article.id);
  const revisionAuthor = actor ?? scheduledBy ?? { id: (await tx.article.findUniqueOrThrow({ where: { id: article.id }, select: { createdById: true } })).createdById };
  await snapshot(tx, article, { id: revisionAuthor.id, bySchedule: actor === null }, updated.status, updated.version);
  await writeAudit(tx, { actor, action, targetType: "Article", targetId: article.id, details: { headline: article.headline, from: article.status, to: updated.status, ...(details as object) } });
  // Leaving the site (or its schedule), an article takes in its pending update: none of it is due to be read any
  // more, so its authors edit it directly again. The live text stays in the STATUS revision above.
  if (actor && !RELEASED_STATUSES.includes(updated.status)) await applyPendingUpdate(tx, actor, article.id, { revise: false });
  return updated;
}

/** DRAFT or CHANGES_REQUESTED → IN_REVIEW, by one of the article's authors (or the desk); the desk is told. */
export async function submitForReview(actor: SessionUser, articleId: string) {
  const rule: Rule = { permission: "article:submit", from: MOVES_FROM.submit, refusal: "Only a draft, or a story sent back for changes, can be submitted for review." };
  return changeArticle(actor, articleId, rule, async (tx, article) => {
    const updated = await transition(tx, actor, article, { status: "IN_REVIEW" }, "article.submit");
    await notify(tx, article, actor, "SUBMITTED");
    return updated;
  });
}

/** IN_REVIEW (or SCHEDULED) → CHANGES_REQUESTED, by the desk, with a note to the authors saying why. */
export async function sendBack(actor: SessionUser, articleId: string, note: string) {
  const rule: Rule = { permission: "article:publish", from: MOVES_FROM.sendBack, refusal: "Only an article in review or scheduled can be sent back." };
  return changeArticle(actor, articleId, rule, async (tx, article) => {
    await tx.editorialNote.create({ data: { articleId, authorId: actor.id, body: note, requestsChanges: true } });
    const updated = await transition(tx, actor, article, { status: "CHANGES_REQUESTED", scheduledAt: null }, "article.send_back", { note });
    await notify(tx, article, actor, "SENT_BACK", { detail: note });
    return updated;
  });
}

/** → PUBLISHED now, by the desk, if the checklist is met. An article keeps its first publish time when republished. */
export async function publishArticle(actor: SessionUser, articleId: string, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const rule: Rule = { permission: "article:publish", from: MOVES_FROM.publish, refusal: "This article is already published." };
  return changeArticle(actor, articleId, rule, async (tx, article) => {
    const missing = await publishChecklist(tx, articleId);
    if (missing.length > 0) throw new WorkflowError("This article is not ready to publish.", missing);
    const updated = await transition(tx, actor, article, { status: "PUBLISHED", publishedAt: article.publishedAt ?? now, scheduledAt: null, archivedAt: null }, "article.publish");
    await expirePublicTags(tx, article.status === "ARCHIVED" ? takenDownTags(article, (await articleAddresses(tx, article.id)).slugs) : articleCacheTags(article));
    await notify(tx, article, actor, "PUBLISHED");
    await enqueueArticleEvent(tx, EVENT.published, article.id);
    return updated;
  });
}

/** → SCHEDULED for `at` (in the future), by the desk, if the checklist is met. The scheduler publishes it then. */
export async function scheduleArticle(actor: SessionUser, articleId: string, at: Date, options: { now?: Date } = {}) {
  assertCan(actor.role, "article:schedule");
  if (at.getTime() <= (options.now ?? new Date()).getTime()) throw new WorkflowError("Choose a time in the future.");
  const rule: Rule = { permission: "article:schedule", from: MOVES_FROM.schedule, refusal: "This article is already published." };
  return changeArticle(actor, articleId, rule, async (tx, article) => {
    const missing = await publishChecklist(tx, articleId);
    if (missing.length > 0) throw new WorkflowError("This article is not ready to schedule.", missing);
    return transition(tx, actor, article, { status: "SCHEDULED", scheduledAt: at }, "article.schedule", { at: at.toISOString() });
  });
}

/** SCHEDULED → IN_REVIEW, by the desk. */
export async function cancelSchedule(actor: SessionUser, articleId: string) {
  const rule: Rule = { permission: "article:schedule", from: MOVES_FROM.cancelSchedule, refusal: "This article is not scheduled." };
  return changeArticle(actor, articleId, rule, (tx, article) => transition(tx, actor, article, { status: "IN_REVIEW", scheduledAt: null }, "article.unschedule"));
}

/** Who set an article's current schedule: the author of its latest STATUS revision to SCHEDULED. */
async function scheduleSetter(tx: DbTx, articleId: string) {
  const revision = await tx.revision.findFirst({
    where: { articleId, kind: "STATUS", status: "SCHEDULED" },
    orderBy: { createdAt: "desc" },
    select: { author: { select: { id: true, name: true } } },
  });
  return revision?.author ?? null;
}

/**
 * Publishes every scheduled article that is due (never early), including ones missed while no server ran. Safe to
 * run from every app instance at once and from an outside cron: rows are claimed with FOR UPDATE SKIP LOCKED, so
 * each article is published exactly once. The history credits the schedule and whoever set it, who is told it went
 * live, with the authors. Returns the ids it published.
 */
export async function publishDueArticles(options: { now?: Date; limit?: number } = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  const published: string[] = [];
  for (;;) {
    const batch = await getDb().$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Article" WHERE status = 'SCHEDULED' AND "scheduledAt" <= ${now}
        ORDER BY "scheduledAt" LIMIT ${options.limit ?? 20} FOR UPDATE SKIP LOCKED`;
      for (const { id } of due) {
        const article = await tx.article.findUniqueOrThrow({ where: { id }, select: { ...publicShape, scheduledAt: true } });
        const setter = await scheduleSetter(tx, id);
        const details = { scheduledFor: article.scheduledAt?.toISOString() ?? null, scheduledBy: setter?.name ?? null, scheduledById: setter?.id ?? null };
        await transition(tx, null, article, { status: "PUBLISHED", publishedAt: article.publishedAt ?? now, scheduledAt: null }, "article.publish_scheduled", details, setter);
        await expirePublicTags(tx, articleCacheTags(article));
        await notify(tx, article, null, "PUBLISHED_BY_SCHEDULE", { detail: setter?.name ?? "", scheduledById: setter?.id });
        await enqueueArticleEvent(tx, EVENT.published, article.id);
      }
      return due.map((d) => d.id);
    });
    published.push(...batch);
    if (batch.length > 0) {
      sendNotificationEmailsSoon();
      deliverWebhooksSoon();
    }
    if (batch.length < (options.limit ?? 20)) return published;
  }
}

/** Adds a correction (or update, clarification) to a published article: shown on the page, in JSON-LD, and it
 * moves the article's modified time. */
export async function addCorrection(actor: SessionUser, input: { articleId: string; kind: "CORRECTION" | "UPDATE" | "CLARIFICATION"; text: string }) {
  const rule: Rule = { permission: "article:correct", from: MOVES_FROM.correct, refusal: "Corrections are added to published articles." };
  return changeArticle(actor, input.articleId, rule, async (tx, article) => {
    const now = new Date();
    const correction = await tx.correction.create({ data: { articleId: article.id, kind: input.kind, text: input.text, authorId: actor.id, publishedAt: now }, select: { id: true } });
    await tx.article.update({ where: { id: article.id }, data: { revisedAt: now } });
    await writeAudit(tx, { actor, action: "article.correct", targetType: "Article", targetId: article.id, details: { kind: input.kind, text: input.text } });
    await expirePublicTags(tx, articleCacheTags(article));
    await notify(tx, article, actor, "CORRECTED", { detail: input.text });
    await enqueueArticleEvent(tx, EVENT.corrected, article.id, { correction: { kind: input.kind.toLowerCase(), text: input.text } });
    return correction;
  });
}

/**
 * What taking an article down (or putting it back) expires: its pages, and its former addresses, each cached as a
 * 308 to it that must become a 410 (or the other way round) wherever its section was then.
 */
function takenDownTags(article: Parameters<typeof articleCacheTags>[0], slugs: string[]): string[] {
  return [...articleCacheTags(article), ...slugs.map(CacheTags.article), "gone"];
}

/** PUBLISHED → ARCHIVED, by the desk. Its URLs then answer 410 Gone (recorded: ./gone-paths.ts). */
export async function unpublishArticle(actor: SessionUser, articleId: string) {
  const rule: Rule = { permission: "article:unpublish", from: MOVES_FROM.unpublish, refusal: "Only a published article can be unpublished." };
  return changeArticle(actor, articleId, rule, async (tx, article) => {
    const updated = await transition(tx, actor, article, { status: "ARCHIVED", archivedAt: new Date() }, "article.unpublish");
    // Its addresses stay gone if the desk files it under another section or edition while it is down.
    const addresses = await articleAddresses(tx, article.id);
    await recordGonePaths(tx, article.id, addresses.paths);
    await expirePublicTags(tx, takenDownTags(article, addresses.slugs));
    await enqueueArticleEvent(tx, EVENT.unpublished, article.id);
    return updated;
  });
}
