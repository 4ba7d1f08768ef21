/** Editorial notes: an internal thread per article for its authors and the desk. Never shown to readers. */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "./errors";
import { reachableWhere } from "./editor";
import type { SessionUser } from "./types";

export async function listNotes(actor: SessionUser, articleId: string) {
  const article = await getDb().article.findFirst({ where: { id: articleId, ...reachableWhere(actor) }, select: { id: true } });
  if (!article) throw new NotFoundError("That article");
  return getDb().editorialNote.findMany({
    where: { articleId },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
}

export async function addNote(actor: SessionUser, articleId: string, body: string) {
  assertCan(actor.role, "note:create");
  const article = await getDb().article.findFirst({ where: { id: articleId, ...reachableWhere(actor) }, select: { id: true } });
  if (!article) throw new NotFoundError("That article");
  return getDb().editorialNote.create({ data: { articleId, authorId: actor.id, body }, select: { id: true } });
}
