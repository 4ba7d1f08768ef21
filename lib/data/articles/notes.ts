/** Editorial notes: an internal thread per article for its authors and the desk. Never shown to readers. */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
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
  return getDb().editorialNote.create({ data: { articleId, authorId: actor.id, body }, select: { id: true } });
}
