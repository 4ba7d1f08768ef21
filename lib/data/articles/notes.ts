/**
 * Editorial notes: an internal thread per article for its authors and the desk. Never shown to readers. A new note
 * notifies the people working on the story (lib/data/notifications). The note the desk sent a story back with
 * (`requestsChanges`) is also the editor's "changes requested" banner until the story is submitted again.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { notifyStoryEvent } from "../notifications/notify";
import { sendNotificationEmailsSoon } from "../notifications/outbox";
import type { SessionUser } from "../types";
import { assertReachable } from "./access";

export async function listNotes(actor: SessionUser, articleId: string) {
  await assertReachable(actor, articleId);
  return getDb().editorialNote.findMany({
    where: { articleId },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
}

export async function addNote(actor: SessionUser, articleId: string, body: string) {
  assertCan(actor.role, "note:create");
  await assertReachable(actor, articleId);
  const note = await getDb().$transaction(async (tx) => {
    const created = await tx.editorialNote.create({ data: { articleId, authorId: actor.id, body }, select: { id: true, article: { select: { headline: true } } } });
    await notifyStoryEvent(tx, { kind: "NOTE", articleId, headline: created.article.headline, actor, detail: body });
    return created;
  });
  sendNotificationEmailsSoon();
  return { id: note.id };
}

/**
 * The changes the desk asked for, while the story (or its pending update) waits for them: the latest note it was
 * sent back with, or null when it is not in that state.
 */
export async function getChangeRequest(actor: SessionUser, articleId: string) {
  await assertReachable(actor, articleId);
  const article = await getDb().article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, pendingUpdate: { select: { status: true } } } });
  if (article.status !== "CHANGES_REQUESTED" && article.pendingUpdate?.status !== "CHANGES_REQUESTED") return null;
  return getDb().editorialNote.findFirst({
    where: { articleId, requestsChanges: true },
    orderBy: { createdAt: "desc" },
    select: { body: true, createdAt: true, author: { select: { name: true } } },
  });
}
