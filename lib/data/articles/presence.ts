/**
 * Who has an article open in the editor. Each open editor sends a heartbeat; others within PRESENCE_TTL are shown
 * ("Maria is editing this article"). Taking over marks the others as displaced: their editor turns read-only and
 * says who took over. Kept in PostgreSQL, so it works across app instances.
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "../types";
import { assertReachable } from "./access";

export const PRESENCE_TTL_MS = 30_000;

/** Records that `actor` is here; returns the others editing now, and whether someone displaced `actor`. */
export async function heartbeat(actor: SessionUser, articleId: string) {
  await assertReachable(actor, articleId);
  const db = getDb();
  const mine = await db.articlePresence.upsert({
    where: { articleId_userId: { articleId, userId: actor.id } },
    update: { lastSeenAt: new Date() },
    create: { articleId, userId: actor.id },
    select: { displacedAt: true, displacedById: true },
  });
  const others = await db.articlePresence.findMany({
    where: { articleId, userId: { not: actor.id }, lastSeenAt: { gt: new Date(Date.now() - PRESENCE_TTL_MS) }, displacedAt: null },
    select: { user: { select: { id: true, name: true } } },
  });
  const displacedBy = mine.displacedById ? await db.user.findUnique({ where: { id: mine.displacedById }, select: { name: true } }) : null;
  return { others: others.map((o) => o.user), displacedBy: mine.displacedAt ? (displacedBy?.name ?? "Someone") : null };
}

/** `actor` takes over: everyone else currently here is displaced; `actor` is no longer displaced. */
export async function takeOver(actor: SessionUser, articleId: string) {
  await assertReachable(actor, articleId);
  const now = new Date();
  await getDb().$transaction([
    getDb().articlePresence.updateMany({ where: { articleId, userId: { not: actor.id }, displacedAt: null }, data: { displacedAt: now, displacedById: actor.id } }),
    getDb().articlePresence.upsert({
      where: { articleId_userId: { articleId, userId: actor.id } },
      update: { lastSeenAt: now, displacedAt: null, displacedById: null },
      create: { articleId, userId: actor.id },
    }),
  ]);
}

/** Leaving the editor (or reopening it fresh) clears one's own presence. */
export async function leave(actor: SessionUser, articleId: string) {
  await getDb().articlePresence.deleteMany({ where: { articleId, userId: actor.id } });
}
