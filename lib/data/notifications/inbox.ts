/**
 * A staff member's own notifications: the unread count in the staff header, the list page, marking read or unread.
 * Every query has the actor's id in its `where`: nobody reads or changes another person's notifications, and
 * someone else's notification is answered as not found.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "../errors";
import { clampPage } from "../paging";
import type { SessionUser } from "../types";

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** How many of the actor's notifications are unread: one indexed count (userId, readAt). */
export async function countUnreadNotifications(actor: SessionUser): Promise<number> {
  assertCan(actor.role, "dashboard:access");
  return getDb().notification.count({ where: { userId: actor.id, readAt: null } });
}

/**
 * The staff header's count, with when it was counted: the header keeps whichever count is newest, from a page load
 * or from its periodic check (components/layout/notifications-link.tsx), since either may arrive first.
 */
export async function readUnreadCount(actor: SessionUser): Promise<{ unread: number; countedAt: number }> {
  const countedAt = Date.now();
  return { unread: await countUnreadNotifications(actor), countedAt };
}

/** One page of the actor's notifications, newest first. */
export async function listNotifications(actor: SessionUser, page = 1) {
  assertCan(actor.role, "dashboard:access");
  const where = { userId: actor.id };
  const db = getDb();
  const [total, unread] = await Promise.all([db.notification.count({ where }), countUnreadNotifications(actor)]);
  const { page: shown, totalPages, skip } = clampPage(total, page, NOTIFICATIONS_PAGE_SIZE);
  const items = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: { id: true, kind: true, headline: true, detail: true, articleId: true, webhookEndpointId: true, readAt: true, createdAt: true, actor: { select: { name: true } } },
  });
  return { items, total, unread, page: shown, totalPages };
}

/** Marks one of the actor's notifications read (or unread again). */
export async function markNotification(actor: SessionUser, notificationId: string, read: boolean): Promise<void> {
  assertCan(actor.role, "dashboard:access");
  const db = getDb();
  const found = await db.notification.findFirst({ where: { id: notificationId, userId: actor.id }, select: { readAt: true } });
  if (!found) throw new NotFoundError("That notification");
  if ((found.readAt !== null) === read) return;
  await db.notification.update({ where: { id: notificationId }, data: { readAt: read ? new Date() : null } });
}

/** Marks every unread notification of the actor read; returns how many. */
export async function markAllNotificationsRead(actor: SessionUser): Promise<number> {
  assertCan(actor.role, "dashboard:access");
  const { count } = await getDb().notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
