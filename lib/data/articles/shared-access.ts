/**
 * Who may be in an article's shared document (docs/decisions/0015-co-editing.md), asked by the collaboration server
 * when someone connects, before each change they send, and every second for everyone connected:
 *
 * - the session must still be good: the account ACTIVE and the session version the cookie carries (decision 0003);
 * - the article must be one the person reaches in the editor (reachableWhere: the desk, or its creator and authors);
 * - and the document must be the text their saves go to (savesLive, decision 0014): the live content for the desk and
 *   for anyone on an unreleased article, the pending update for a journalist on a scheduled or published one. Anyone
 *   else who reaches the article may only read that document ("read": the editor then opens the right one).
 *
 * Refused connections are audited. The collaboration servers also mark which documents are open, so that the REST
 * save (app/api/articles/[id]) can refuse to write under a live session.
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { SharedRef, SharedTarget } from "@/lib/collab/content";
import { writeAudit } from "../audit";
import type { SessionUser } from "../types";
import { sessionUserSelect } from "../users/accounts";
import { reachableWhere } from "./access";
import { savesLive } from "./pending";

/** Someone connected to a shared document, as the session cookie names them. */
export type Collaborator = SharedRef & { userId: string; sessionVersion: number };

export type Verdict =
  | { kind: "write"; user: SessionUser }
  /** They reach the article, but their edits belong to the other document (`expected`). */
  | { kind: "read"; user: SessionUser; expected: SharedTarget }
  /** Signed out, deactivated, or the password changed: the session is over. */
  | { kind: "ended" }
  /** The article is gone, or no longer theirs (taken off the byline). */
  | { kind: "refused"; user: SessionUser };

const TARGETS: Record<SharedTarget, "LIVE" | "PENDING"> = { live: "LIVE", pending: "PENDING" };
export const targetColumn = (target: SharedTarget) => TARGETS[target];

/** The verdict for each collaborator, in order: one query for the people, one per person for their articles. */
export async function checkCollaborators(collaborators: readonly Collaborator[]): Promise<Verdict[]> {
  if (collaborators.length === 0) return [];
  const db = getDb();
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(collaborators.map((c) => c.userId))] } },
    select: { ...sessionUserSelect, status: true, sessionVersion: true },
  });
  const articlesOf = new Map<string, Map<string, string>>();
  for (const person of people) {
    if (person.status !== "ACTIVE") continue;
    const user: SessionUser = { id: person.id, email: person.email, name: person.name, slug: person.slug, role: person.role };
    const ids = [...new Set(collaborators.filter((c) => c.userId === person.id).map((c) => c.articleId))];
    const reached = await db.article.findMany({ where: { id: { in: ids }, ...reachableWhere(user) }, select: { id: true, status: true } });
    articlesOf.set(person.id, new Map(reached.map((a) => [a.id, a.status])));
  }
  return collaborators.map((c): Verdict => {
    const person = people.find((p) => p.id === c.userId);
    if (!person || person.status !== "ACTIVE" || person.sessionVersion !== c.sessionVersion) return { kind: "ended" };
    const user: SessionUser = { id: person.id, email: person.email, name: person.name, slug: person.slug, role: person.role };
    const status = articlesOf.get(person.id)?.get(c.articleId);
    if (!status) return { kind: "refused", user };
    const expected: SharedTarget = savesLive(user, status as Parameters<typeof savesLive>[1]) ? "live" : "pending";
    return expected === c.target ? { kind: "write", user } : { kind: "read", user, expected };
  });
}

export async function checkCollaborator(collaborator: Collaborator): Promise<Verdict> {
  const [verdict] = await checkCollaborators([collaborator]);
  return verdict ?? { kind: "ended" };
}

/** A connection the collaboration server refused (no session, an ended one, an article that is not theirs). */
export async function recordRefusedCollaboration(entry: { user: { id: string; email: string } | null; articleId: string | null; document: string; reason: string; ip: string }) {
  await writeAudit(getDb(), {
    actor: entry.user,
    action: "article.coedit_refused",
    targetType: entry.articleId ? "Article" : "",
    targetId: entry.articleId ?? "",
    ip: entry.ip,
    details: { document: entry.document.slice(0, 120), reason: entry.reason },
  });
}

/** The collaboration server has these documents open with people in them until `until` (renewed every few seconds). */
export async function markSharedDocumentsOpen(refs: readonly SharedRef[], until: Date | null): Promise<void> {
  if (refs.length === 0) return;
  await getDb().sharedDocument.updateMany({
    where: { OR: refs.map((ref) => ({ articleId: ref.articleId, target: targetColumn(ref.target) })) },
    data: { openUntil: until },
  });
}

/** Whether someone has this document open for co-editing right now. */
export async function isSharedDocumentOpen(ref: SharedRef, now = new Date()): Promise<boolean> {
  const row = await getDb().sharedDocument.findUnique({
    where: { articleId_target: { articleId: ref.articleId, target: targetColumn(ref.target) } },
    select: { openUntil: true },
  });
  return row?.openUntil != null && row.openUntil > now;
}
