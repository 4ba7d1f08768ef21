/**
 * Live coverage, the newsroom's side: turning a story's coverage on and off, and posting, editing and deleting its
 * entries. Whoever may edit the story (its authors and the desk: reachableWhere) may do these, and an entry goes to
 * readers at once, without the desk's review that other changes to a published story wait for
 * (docs/decisions/0020-live-coverage.md).
 *
 * Each change is one transaction on the locked story: it takes the story's next live event number (Article.liveSeq,
 * which readers' streams resume from), writes the entry and its revision, the audit entry, and, when the story is on
 * the site, expires its pages with one NOTIFY that also tells every instance's stream hub (lib/live/hub.ts).
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import type { LiveEntryEdit, LiveEntryPost } from "@/lib/validation/live";
import { writeAudit } from "../audit";
import { articleCacheTags, articleCacheTagsSelect, CacheTags, expirePublicTags } from "../cache";
import { ConflictError, DataValidationError, NotFoundError, WorkflowError } from "../errors";
import type { SessionUser } from "../types";
import { lockArticle, reachableWhere } from "../articles/access";
import { deliverWebhooksSoon } from "../webhooks/deliveries";
import { enqueueArticleEvent } from "../webhooks/queue";
import { EVENT, type WebhookEvent } from "@/lib/validation/api";

const storySelect = { ...articleCacheTagsSelect, id: true, status: true, isLive: true, coverageEndAt: true, liveSeq: true } as const satisfies Prisma.ArticleSelect;
type Story = Prisma.ArticleGetPayload<{ select: typeof storySelect }>;
type Change = { tx: DbTx; story: Story; seq: number };

/**
 * The cache tags an entry expires: the story's page (and its own feeds) and the latest-articles feeds and sitemaps
 * (which date it by its latest entry). Lists of articles show nothing an entry changes, so they are left alone;
 * starting or ending the coverage (the LIVE label on cards and feeds) expires every tag of the story.
 */
const entryTags = (story: Story) => [CacheTags.article(story.slug), CacheTags.latest];

/**
 * One live change of a story the actor may edit: locked, numbered, audited, announced. `audit` names the action and
 * what its entry records; `change` does the writing and returns what the caller gets back.
 */
async function changeStory<T>(
  actor: SessionUser,
  articleId: string,
  change: (c: Change) => Promise<{ result: T; audit: { action: string; details: Prisma.InputJsonObject } }>,
  tags: (story: Story) => string[] = entryTags,
): Promise<T> {
  const outcome = await getDb().$transaction(async (tx) => {
    await lockArticle(tx, articleId, reachableWhere(actor));
    const story = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: storySelect });
    const seq = story.liveSeq + 1;
    const { result, audit } = await change({ tx, story, seq });
    // On the site, an entry is a change readers see: feeds and sitemaps date the story by it.
    await tx.article.update({ where: { id: articleId }, data: { liveSeq: seq, ...(story.status === "PUBLISHED" ? { revisedAt: new Date() } : {}) } });
    await writeAudit(tx, { actor, action: audit.action, targetType: "article", targetId: articleId, details: audit.details });
    if (story.status === "PUBLISHED") {
      await expirePublicTags(tx, tags(story), { articleId, seq });
      const event = ENTRY_EVENTS[audit.action];
      if (event) await enqueueArticleEvent(tx, event, articleId, { entry: { id: audit.details.entryId, seq } });
    }
    return result;
  });
  deliverWebhooksSoon();
  return outcome;
}

function assertOpen(story: Story): void {
  if (!story.isLive) throw new WorkflowError("This story is not live coverage: start the coverage first.");
  if (story.coverageEndAt) throw new WorkflowError("The coverage of this story has ended: entries can no longer be posted or changed.");
}

/** The entry's byline: the person posting first, then the co-authors chosen, each an active staff member. */
async function bylineOf(tx: DbTx, actor: SessionUser, authorIds: string[]): Promise<{ userId: string; position: number }[]> {
  const ids = [actor.id, ...authorIds.filter((id) => id !== actor.id)];
  const found = await tx.user.count({ where: { id: { in: ids }, status: "ACTIVE" } });
  if (found !== new Set(ids).size) throw new DataValidationError("authorIds", "Choose the entry's authors from the newsroom's staff.");
  return [...new Set(ids)].map((userId, position) => ({ userId, position }));
}

function contentOf(input: Pick<LiveEntryPost, "title" | "body">) {
  const bodyText = documentToPlainText(input.body);
  if (!input.title && !bodyText) throw new DataValidationError("body", "Write the update before posting it.");
  return { title: input.title, body: input.body as Prisma.InputJsonValue, bodyHtml: renderDocumentHtml(input.body), bodyText };
}

/** The webhook event of each entry change (starting and ending coverage are not entry events). */
const ENTRY_EVENTS: Record<string, WebhookEvent | undefined> = { "live.entry_post": EVENT.entryPosted, "live.entry_edit": EVENT.entryUpdated, "live.entry_delete": EVENT.entryDeleted };

const entryResult = { id: true, seq: true, version: true } as const satisfies Prisma.LiveEntrySelect;

/** Makes a story live coverage from now (or again, after it ended: a new start). */
export async function startCoverage(actor: SessionUser, articleId: string) {
  return changeStory(actor, articleId, async ({ tx, story }) => {
    if (story.isLive && !story.coverageEndAt) throw new WorkflowError("This story's coverage is already open.");
    const now = new Date();
    await tx.article.update({ where: { id: articleId }, data: { isLive: true, coverageStartAt: now, coverageEndAt: null } });
    return { result: { coverageStartAt: now }, audit: { action: "live.start", details: {} } };
  }, articleCacheTags);
}

/** Ends the coverage: readers' streams close and the LIVE label goes; the entries stay. */
export async function endCoverage(actor: SessionUser, articleId: string) {
  return changeStory(actor, articleId, async ({ tx, story }) => {
    assertOpen(story);
    const now = new Date();
    await tx.article.update({ where: { id: articleId }, data: { coverageEndAt: now } });
    return { result: { coverageEndAt: now }, audit: { action: "live.end", details: {} } };
  }, articleCacheTags);
}

export async function postEntry(actor: SessionUser, input: LiveEntryPost) {
  const content = contentOf(input);
  return changeStory(actor, input.articleId, async ({ tx, story, seq }) => {
    assertOpen(story);
    const entry = await tx.liveEntry.create({
      data: { ...content, articleId: story.id, seq, isKeyEvent: input.isKeyEvent, isPinned: input.isPinned, postedById: actor.id, authors: { create: await bylineOf(tx, actor, input.authorIds) } },
      select: entryResult,
    });
    await tx.liveEntryRevision.create({ data: { entryId: entry.id, change: "POSTED", title: content.title, body: content.body, bodyText: content.bodyText, isKeyEvent: input.isKeyEvent, isPinned: input.isPinned, authorId: actor.id } });
    await tx.liveEntryDraft.deleteMany({ where: { articleId: story.id, userId: actor.id } });
    return { result: entry, audit: { action: "live.entry_post", details: { entryId: entry.id, title: content.title } } };
  });
}

/** The entry (not deleted) of a story the actor may edit, or NotFoundError. */
async function entryOf(actor: SessionUser, entryId: string) {
  const entry = await getDb().liveEntry.findFirst({ where: { id: entryId, deletedAt: null, article: reachableWhere(actor) }, select: { articleId: true } });
  if (!entry) throw new NotFoundError("That entry");
  return entry;
}

/** Edits an entry, refusing an edit based on an older version; also after the coverage ended (a mistake found later). */
export async function editEntry(actor: SessionUser, input: LiveEntryEdit) {
  const content = contentOf(input);
  const { articleId } = await entryOf(actor, input.entryId);
  return changeStory(actor, articleId, async ({ tx, seq }) => {
    const current = await tx.liveEntry.findFirst({ where: { id: input.entryId, deletedAt: null }, select: { version: true } });
    if (!current) throw new NotFoundError("That entry");
    if (current.version !== input.baseVersion) throw new ConflictError(current.version, "Someone else changed this entry since you opened it: reload it to see their version.");
    await tx.liveEntryAuthor.deleteMany({ where: { entryId: input.entryId } });
    const entry = await tx.liveEntry.update({
      where: { id: input.entryId },
      data: { ...content, seq, isKeyEvent: input.isKeyEvent, isPinned: input.isPinned, editedAt: new Date(), version: { increment: 1 }, authors: { create: await bylineOf(tx, actor, input.authorIds) } },
      select: entryResult,
    });
    await tx.liveEntryRevision.create({ data: { entryId: entry.id, change: "EDITED", title: content.title, body: content.body, bodyText: content.bodyText, isKeyEvent: input.isKeyEvent, isPinned: input.isPinned, authorId: actor.id } });
    return { result: entry, audit: { action: "live.entry_edit", details: { entryId: entry.id, title: content.title } } };
  });
}

/**
 * Takes an entry off the page (also after the coverage ended: a mistake found later). The row stays, marked deleted and numbered with this event, so that a reader's
 * stream that reconnects learns it went; its text stays in its revisions.
 */
export async function deleteEntry(actor: SessionUser, entryId: string) {
  const { articleId } = await entryOf(actor, entryId);
  return changeStory(actor, articleId, async ({ tx, seq }) => {
    // Someone else may have deleted it meanwhile: it is then not found (and not numbered again).
    if (!(await tx.liveEntry.findFirst({ where: { id: entryId, deletedAt: null }, select: { id: true } }))) throw new NotFoundError("That entry");
    const entry = await tx.liveEntry.update({ where: { id: entryId }, data: { seq, deletedAt: new Date() }, select: { id: true, title: true, body: true, bodyText: true, isKeyEvent: true, isPinned: true } });
    await tx.liveEntryRevision.create({
      data: { entryId, change: "DELETED", title: entry.title, body: entry.body as Prisma.InputJsonValue, bodyText: entry.bodyText, isKeyEvent: entry.isKeyEvent, isPinned: entry.isPinned, authorId: actor.id },
    });
    return { result: { id: entryId }, audit: { action: "live.entry_delete", details: { entryId, title: entry.title } } };
  });
}
