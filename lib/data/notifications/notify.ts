/**
 * Writing notifications, in the transaction of the event they tell about (a workflow change, a note, a correction):
 * the event and its notifications commit or roll back together. Who is told is lib/notifications/audience.ts; this
 * finds those people (active accounts only, and only those who may open the story: the desk, or its authors) and marks
 * each row's e-mail as due when the server can send mail and the person has not turned e-mails off. The e-mails
 * themselves go out after the commit (./outbox.ts).
 */
import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { AUDIENCE, recipientsOf, type AudienceGroup } from "@/lib/notifications/audience";
import type { SessionUser } from "../types";

/** The longest note or correction a notification quotes; the whole text is on the article. */
const DETAIL_LIMIT = 600;

export type StoryEvent = {
  kind: NotificationKind;
  articleId: string;
  headline: string;
  /** Who acted; null for the scheduler. */
  actor: SessionUser | null;
  /** The note or correction; for a story published by the schedule, the name of who set it. */
  detail?: string;
  /** Published by the schedule: who set it (they are told it went live). */
  scheduledById?: string;
};

async function groupMembers(tx: DbTx, group: AudienceGroup, event: StoryEvent): Promise<string[]> {
  switch (group) {
    case "authors": {
      const article = await tx.article.findUniqueOrThrow({ where: { id: event.articleId }, select: { createdById: true, authors: { select: { userId: true } } } });
      return [article.createdById, ...article.authors.map((a) => a.userId)];
    }
    case "desk": {
      const desk = await tx.user.findMany({ where: { role: { in: [...PERMISSIONS["article:publish"]] }, status: "ACTIVE" }, select: { id: true } });
      return desk.map((u) => u.id);
    }
    case "participants": {
      const notes = await tx.editorialNote.findMany({ where: { articleId: event.articleId }, distinct: ["authorId"], select: { authorId: true } });
      const moves = await tx.revision.findMany({ where: { articleId: event.articleId, kind: "STATUS", bySchedule: false }, distinct: ["authorId"], select: { authorId: true } });
      return [...notes, ...moves].map((row) => row.authorId);
    }
    case "scheduler":
      return event.scheduledById ? [event.scheduledById] : [];
  }
}

/** Notifies the people concerned by `event` (never its actor), in the caller's transaction. Returns how many. */
export async function notifyStoryEvent(tx: DbTx, event: StoryEvent): Promise<number> {
  // One after another: the queries share the transaction's one connection.
  const groups: Partial<Record<AudienceGroup, string[]>> = {};
  for (const group of AUDIENCE[event.kind]) groups[group] = await groupMembers(tx, group, event);
  const ids = recipientsOf(event.kind, groups, event.actor?.id ?? null);
  if (ids.length === 0) return 0;
  const authors = new Set(groups.authors ?? (await groupMembers(tx, "authors", event)));
  const found = await tx.user.findMany({ where: { id: { in: ids }, status: "ACTIVE" }, select: { id: true, role: true, emailNotifications: true } });
  // A participant who has left the byline since (a journalist's old note) is not told about a story they cannot open.
  const people = found.filter((person) => authors.has(person.id) || can(person.role, "article:read:any"));
  const canMail = getEnv().smtpUrl !== null;
  const detail = (event.detail ?? "").slice(0, DETAIL_LIMIT);
  const { count } = await tx.notification.createMany({
    data: people.map((person) => ({
      userId: person.id,
      kind: event.kind,
      articleId: event.articleId,
      actorId: event.actor?.id ?? null,
      headline: event.headline,
      detail,
      emailState: canMail && person.emailNotifications ? ("PENDING" as const) : ("NONE" as const),
    })),
  });
  return count;
}

/** Tells every active admin that a webhook endpoint was turned off (in the caller's transaction). */
export async function notifyAdminsOfDisabledEndpoint(tx: DbTx, endpointId: string, url: string): Promise<number> {
  const admins = await tx.user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, select: { id: true, emailNotifications: true } });
  const canMail = getEnv().smtpUrl !== null;
  const { count } = await tx.notification.createMany({
    data: admins.map((admin) => ({
      userId: admin.id,
      kind: "WEBHOOK_DISABLED" as const,
      webhookEndpointId: endpointId,
      headline: url.slice(0, 500),
      emailState: canMail && admin.emailNotifications ? ("PENDING" as const) : ("NONE" as const),
    })),
  });
  return count;
}
