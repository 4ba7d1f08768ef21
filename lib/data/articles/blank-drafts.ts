/**
 * Drafts nobody wrote anything in (docs/decisions/0017-the-writing-day.md). "New article" creates the draft at once:
 * the editor, its saves and the co-editing document all need its id. A draft that is still blank (never saved, no
 * text, no tags, no image, no note, no history, no live coverage) is left out of the dashboard list, and deleted:
 * - a minute after someone left it without typing (the editor says so: markLeftBlank), unless someone is in it now
 *   (a reload, going back to it): a collaboration server then marks its shared document open
 *   (SharedDocument.openUntil, renewed every few seconds while anyone is connected: docs/decisions/0015);
 * - after a day with nobody in it, for a draft whose leaving was never heard of (a browser that crashed).
 * The scheduler sweeps them (lib/jobs/scheduler.ts); each deletion is audited (article.discard_blank). Nothing typed
 * is ever deleted: any store of a typed change moves the version past 1, and the row is re-checked under its lock
 * before it goes. Live coverage is written in the composer, not the editor (the editor says it left a blank draft on
 * the way there), and posting or autosaving an entry leaves the article's version alone: coverage started, an entry
 * (even a deleted one) or an entry being written each keep the draft. Text typed offline is on its writer's device: their editor does not say it left a blank draft.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "../audit";
import type { SessionUser } from "../types";
import { assertReachable, reachableWhere } from "./access";

/** How long after someone left a blank draft it is deleted (time to come back to it, or to reload). */
export const LEFT_BLANK_GRACE_MS = 60_000;
/** How long a blank draft nobody said they left waits (a writer offline since opening it keeps it that long). */
export const ABANDONED_BLANK_MS = 24 * 60 * 60_000;

/** Drafts with nothing in them that anyone typed or chose. */
export function blankDraftWhere(): Prisma.ArticleWhereInput {
  return {
    status: "DRAFT",
    version: 1,
    publishedAt: null,
    headline: "",
    dek: "",
    bodyText: "",
    datelineCity: "",
    seoTitle: "",
    seoDescription: "",
    featuredImageId: null,
    proposedTags: { isEmpty: true },
    tags: { none: {} },
    mediaUsages: { none: {} },
    revisions: { none: {} },
    editorialNotes: { none: {} },
    corrections: { none: {} },
    previewLinks: { none: {} },
    pendingUpdate: { is: null },
    isLive: false,
    coverageStartAt: null,
    liveEntries: { none: {} },
    liveDrafts: { none: {} },
  };
}

/** The editor closed on a draft without anything typed: it goes after the grace period. Returns whether it was blank. */
export async function markLeftBlank(actor: SessionUser, articleId: string): Promise<{ marked: boolean }> {
  assertCan(actor.role, "dashboard:access");
  const { count } = await getDb().article.updateMany({ where: { AND: [{ id: articleId }, reachableWhere(actor), blankDraftWhere()] }, data: { leftBlankAt: new Date() } });
  if (count === 0) await assertReachable(actor, articleId);
  return { marked: count === 1 };
}

type Candidate = { id: string; leftBlankAt: Date | null; updatedAt: Date };

/** Whether a blank draft nobody is in is due: left past the grace period, or untouched for a day. */
function isDue(draft: Candidate, now: number): boolean {
  const left = draft.leftBlankAt?.getTime();
  return (left !== undefined && left <= now - LEFT_BLANK_GRACE_MS) || draft.updatedAt.getTime() <= now - ABANDONED_BLANK_MS;
}

/** Deletes the blank drafts that are due (at most `limit` a run), each with an audit entry. Returns their ids. */
export async function sweepBlankDrafts(options: { now?: Date; limit?: number } = {}): Promise<string[]> {
  const now = (options.now ?? new Date()).getTime();
  const db = getDb();
  const candidates = await db.article.findMany({
    where: { AND: [blankDraftWhere(), { OR: [{ leftBlankAt: { lte: new Date(now - LEFT_BLANK_GRACE_MS) } }, { updatedAt: { lte: new Date(now - ABANDONED_BLANK_MS) } }] }] },
    select: { id: true, leftBlankAt: true, updatedAt: true },
    take: options.limit ?? 50,
  });
  if (candidates.length === 0) return [];
  // Someone is in it: a collaboration server holds its shared document open.
  const open = await db.sharedDocument.findMany({ where: { articleId: { in: candidates.map((c) => c.id) }, openUntil: { gt: new Date(now) } }, select: { articleId: true } });
  const occupied = new Set(open.map((o) => o.articleId));
  const deleted: string[] = [];
  for (const draft of candidates.filter((c) => !occupied.has(c.id) && isDue(c, now))) {
    const gone = await db.$transaction(async (tx) => {
      // Under the row's lock, as saves take it: a save that got in first has made the draft non-blank.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Article" WHERE id = ${draft.id} FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return false;
      const row = await tx.article.findFirst({ where: { AND: [{ id: draft.id }, blankDraftWhere()] }, select: { createdAt: true, createdBy: { select: { email: true } } } });
      if (!row) return false;
      await tx.article.delete({ where: { id: draft.id } });
      await writeAudit(tx, {
        actor: null,
        action: "article.discard_blank",
        targetType: "Article",
        targetId: draft.id,
        details: { reason: draft.leftBlankAt ? "left without anything typed" : "untouched for a day", createdBy: row.createdBy.email, createdAt: row.createdAt.toISOString() },
      });
      return true;
    });
    if (gone) deleted.push(draft.id);
  }
  return deleted;
}
