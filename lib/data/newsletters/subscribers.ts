/**
 * Readers' side of the newsletters: sign-up with double opt-in, confirmation, preferences, unsubscribing, and the
 * purge of sign-ups never confirmed. Every answer a visitor sees is the same whether the address is known or not:
 * signUp returns the mail to send (or null) for the caller to run after responding (next/server `after`).
 *
 * Limits, counted in PostgreSQL so that all instances share them: SIGN_UP_LIMITS per address and per client
 * address per hour, both kept only as keyed hashes. Consent is recorded for each step (what, when, from which form,
 * which lists), without the client's address.
 */
import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { deliverMail } from "@/lib/mail/transport";
import { parseListKey } from "@/lib/newsletters/lists";
import { confirmUrl, preferencesPath, readLinkToken } from "./links";

export const SIGN_UP_LIMITS = { perAddress: 3, perClient: 20, windowMs: 3_600_000 } as const;
/** Sign-ups never confirmed are deleted after this (and their link has expired by then). */
export const UNCONFIRMED_TTL_MS = 48 * 3_600_000;

export type SignUpSource = "footer" | "article" | "page";

function limitHash(kind: string, value: string): string {
  return createHmac("sha256", `dateline:newsletter-limit:${getEnv().authSecret}`).update(`${kind}:${value}`).digest("base64url");
}

/** True when this attempt is within the limits; the attempt is counted either way. */
async function withinSignUpLimits(email: string, ip: string, now: Date): Promise<boolean> {
  const db = getDb();
  const emailHash = limitHash("email", email);
  const ipHash = limitHash("ip", ip);
  const since = new Date(now.getTime() - SIGN_UP_LIMITS.windowMs);
  const [byAddress, byClient] = await Promise.all([
    db.newsletterSignUpAttempt.count({ where: { emailHash, createdAt: { gt: since } } }),
    db.newsletterSignUpAttempt.count({ where: { ipHash, createdAt: { gt: since } } }),
  ]);
  await db.newsletterSignUpAttempt.create({ data: { emailHash, ipHash, createdAt: now } });
  return byAddress < SIGN_UP_LIMITS.perAddress && byClient < SIGN_UP_LIMITS.perClient;
}

/** Only the lists that exist: a section deleted since the form was rendered is dropped. */
async function existingLists(tx: Pick<DbTx, "section">, keys: string[]): Promise<string[]> {
  const parsed = keys.map(parseListKey).filter((list) => list !== null);
  const sectionIds = parsed.flatMap((list) => (list.sectionId ? [list.sectionId] : []));
  const sections = sectionIds.length ? await tx.section.findMany({ where: { id: { in: sectionIds } }, select: { id: true } }) : [];
  const known = new Set(sections.map((s) => s.id));
  return parsed.filter((list) => !list.sectionId || known.has(list.sectionId)).map((list) => list.list);
}

function confirmationMessage(to: string, link: string, siteName: string) {
  return {
    to,
    subject: `Confirm your ${siteName} newsletter subscription`,
    text: [
      `Someone (hopefully you) asked to receive ${siteName}'s newsletters at this address.`,
      "",
      "Confirm here:",
      link,
      "",
      "The link works once and expires in 48 hours. If you did not ask for this, ignore this e-mail: nothing is sent",
      "to you without your confirmation, and the address is forgotten after 48 hours.",
    ].join("\n"),
  };
}

/**
 * A sign-up from a form. Returns a function that e-mails the confirmation link, or null when nothing is sent (the
 * address is suppressed, or over a limit); the caller answers the same either way.
 */
export async function signUp(input: { email: string; lists: string[]; source: SignUpSource; ip: string }, now = new Date()): Promise<(() => Promise<void>) | null> {
  const email = input.email.trim().toLowerCase();
  if (!(await withinSignUpLimits(email, input.ip, now))) return null;
  const nonce = randomBytes(12).toString("base64url");
  const db = getDb();
  const subscriber = await db.$transaction(async (tx) => {
    const lists = await existingLists(tx, input.lists.length ? input.lists : ["DIGEST"]);
    const existing = await tx.subscriber.findUnique({ where: { email }, select: { id: true, status: true } });
    if (existing?.status === "SUPPRESSED") return null;
    const row = existing
      ? await tx.subscriber.update({ where: { id: existing.id }, data: { pendingLists: lists, confirmNonce: nonce }, select: { id: true } })
      : await tx.subscriber.create({ data: { email, pendingLists: lists, confirmNonce: nonce, createdAt: now }, select: { id: true } });
    await tx.newsletterConsent.create({ data: { subscriberId: row.id, action: "sign_up", source: input.source, lists, createdAt: now } });
    return row;
  });
  if (!subscriber) return null;
  const link = confirmUrl(subscriber.id, nonce);
  return async () => {
    const settings = await db.settings.findUnique({ where: { id: 1 }, select: { siteName: true } });
    await deliverMail(confirmationMessage(email, link, settings?.siteName ?? "Dateline"));
  };
}

/** What the confirmation page shows for a link, or null when it cannot be used (forged, expired, used). */
export async function getConfirmation(token: unknown): Promise<{ email: string } | null> {
  const claims = readLinkToken(token, "confirm");
  if (!claims) return null;
  const row = await getDb().subscriber.findUnique({ where: { id: claims.subscriberId }, select: { email: true, confirmNonce: true, status: true } });
  if (!row || row.status === "SUPPRESSED" || row.confirmNonce !== claims.extra) return null;
  return { email: row.email };
}

/** Confirms a sign-up: its lists are added, the link is used up. Null when the link cannot be used. */
export async function confirmSubscription(token: unknown, now = new Date()): Promise<{ preferencesPath: string } | null> {
  const claims = readLinkToken(token, "confirm", now);
  if (!claims || !claims.extra) return null;
  const id = await getDb().$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id: claims.subscriberId }, select: { id: true, pendingLists: true } });
    if (!row) return null;
    // The nonce is compared and cleared in one statement: two clicks at once confirm once.
    const used = await tx.subscriber.updateMany({
      where: { id: row.id, confirmNonce: claims.extra, status: { not: "SUPPRESSED" } },
      data: { confirmNonce: null, pendingLists: [], status: "CONFIRMED", confirmedAt: now, unsubscribedAt: null },
    });
    if (used.count !== 1) return null;
    const lists = await existingLists(tx, row.pendingLists);
    await addMemberships(tx, row.id, lists);
    await tx.newsletterConsent.create({ data: { subscriberId: row.id, action: "confirm", source: "e-mail", lists, createdAt: now } });
    return row.id;
  });
  return id ? { preferencesPath: preferencesPath(id) } : null;
}

async function addMemberships(tx: DbTx, subscriberId: string, lists: string[]): Promise<void> {
  const rows = lists.map(parseListKey).filter((list) => list !== null);
  await tx.newsletterMembership.createMany({
    data: rows.map((list) => ({ subscriberId, list: list.list, kind: list.kind, sectionId: list.sectionId })),
    skipDuplicates: true,
  });
}

export type Preferences = { email: string; status: "PENDING" | "CONFIRMED" | "UNSUBSCRIBED" | "SUPPRESSED"; lists: string[] };

/** The preferences page's subscriber, or null when the link cannot be used. */
export async function getPreferences(token: unknown): Promise<Preferences | null> {
  const claims = readLinkToken(token, "preferences");
  if (!claims) return null;
  const row = await getDb().subscriber.findUnique({
    where: { id: claims.subscriberId },
    select: { email: true, status: true, lists: { select: { list: true } } },
  });
  return row ? { email: row.email, status: row.status, lists: row.lists.map((l) => l.list) } : null;
}

/**
 * Replaces a confirmed (or unsubscribed) reader's lists: none means unsubscribed. The link proves the address, so
 * coming back needs no new confirmation. False when the link cannot be used or the address is suppressed or was
 * never confirmed.
 */
export async function savePreferences(token: unknown, keys: string[], now = new Date()): Promise<boolean> {
  const claims = readLinkToken(token, "preferences", now);
  if (!claims) return false;
  return getDb().$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id: claims.subscriberId }, select: { id: true, status: true } });
    if (!row || row.status === "SUPPRESSED" || row.status === "PENDING") return false;
    const lists = await existingLists(tx, keys);
    await tx.newsletterMembership.deleteMany({ where: { subscriberId: row.id, list: { notIn: lists } } });
    await addMemberships(tx, row.id, lists);
    const status = lists.length ? "CONFIRMED" : "UNSUBSCRIBED";
    await tx.subscriber.update({ where: { id: row.id }, data: { status, unsubscribedAt: status === "UNSUBSCRIBED" ? now : null } });
    await tx.newsletterConsent.create({ data: { subscriberId: row.id, action: "preferences", source: "preferences", lists, createdAt: now } });
    return true;
  });
}

/** What the unsubscribe page shows for a link, or null when it cannot be used. */
export async function getUnsubscribe(token: unknown): Promise<{ email: string; isSubscribed: boolean; preferencesPath: string } | null> {
  const claims = readLinkToken(token, "unsubscribe");
  if (!claims) return null;
  const row = await getDb().subscriber.findUnique({ where: { id: claims.subscriberId }, select: { email: true, status: true } });
  return row ? { email: row.email, isSubscribed: row.status === "CONFIRMED", preferencesPath: preferencesPath(claims.subscriberId) } : null;
}

/**
 * Unsubscribes from every list (the footer's page, or RFC 8058's one-click POST), and counts it against the edition
 * the link came from. Idempotent. Returns a preferences link (to come back), or null when the link cannot be used.
 */
export async function unsubscribe(token: unknown, oneClick: boolean, now = new Date()): Promise<{ preferencesPath: string } | null> {
  const claims = readLinkToken(token, "unsubscribe", now);
  if (!claims) return null;
  const done = await getDb().$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id: claims.subscriberId }, select: { id: true, status: true } });
    if (!row) return false;
    await tx.newsletterMembership.deleteMany({ where: { subscriberId: row.id } });
    if (row.status !== "SUPPRESSED" && row.status !== "UNSUBSCRIBED") {
      await tx.subscriber.update({ where: { id: row.id }, data: { status: "UNSUBSCRIBED", unsubscribedAt: now } });
      await tx.newsletterConsent.create({ data: { subscriberId: row.id, action: oneClick ? "one_click_unsubscribe" : "unsubscribe", source: "e-mail", createdAt: now } });
    }
    if (claims.extra) await tx.newsletterSend.updateMany({ where: { editionId: claims.extra, subscriberId: row.id, unsubscribedAt: null }, data: { unsubscribedAt: now } });
    return true;
  });
  return done ? { preferencesPath: preferencesPath(claims.subscriberId) } : null;
}

/** The scheduler's sweep: sign-ups never confirmed, and the limits' counts once they no longer count. */
export async function purgeUnconfirmedSubscribers(now = new Date()): Promise<number> {
  const db = getDb();
  const purged = await db.subscriber.deleteMany({ where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - UNCONFIRMED_TTL_MS) } } });
  await db.newsletterSignUpAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_UP_LIMITS.windowMs) } } });
  return purged.count;
}
