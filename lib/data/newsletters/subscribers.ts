/**
 * Readers' side of the newsletters: sign-up with double opt-in, confirmation, preferences, unsubscribing, and the
 * purge of sign-ups never confirmed. Every answer a visitor sees is the same whether the address is known or not:
 * signUp returns the mail to send (or null) for the caller to run after responding (next/server `after`).
 *
 * Limits: SIGN_UP_LIMITS per address and per client address per hour, in the shared request limits (takeRateLimit,
 * counted in PostgreSQL so that all instances share them), under keyed hashes so that no address is kept there.
 * Consent is recorded for each step (what, when, from which form, which lists, in which language edition), without
 * the client's address. A reader hears from us in the language of the form they last signed up with (decision 0029).
 */
import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { deliverMail } from "@/lib/mail/transport";
import type { ReaderText } from "@/lib/i18n/reader-text";
import { editionList, listName, parseListKey } from "@/lib/newsletters/lists";
import { limitBucket } from "@/lib/security/client-address";
import { takeRateLimit } from "../rate-limits";
import { languageOfList, listNewsletterLanguages, newsletterLanguage } from "./languages";
import { confirmUrl, preferencesPath, readLinkToken } from "./links";

export const SIGN_UP_LIMITS = { perAddress: 3, perClient: 20, windowMs: 3_600_000 } as const;
/** Sign-ups never confirmed are deleted after this (and their link has expired by then). */
export const UNCONFIRMED_TTL_MS = 48 * 3_600_000;

export type SignUpSource = "footer" | "article" | "page";

function limitHash(kind: string, value: string): string {
  return createHmac("sha256", `dateline:newsletter-limit:${getEnv().authSecret}`).update(`${kind}:${value}`).digest("base64url");
}

/** True when this attempt is within both limits; it is counted against both either way. */
async function withinSignUpLimits(email: string, ip: string, now: Date): Promise<boolean> {
  const [byAddress, byClient] = await Promise.all([
    takeRateLimit(`newsletter-email:${limitHash("email", email)}`, SIGN_UP_LIMITS.perAddress, SIGN_UP_LIMITS.windowMs, now.getTime()),
    takeRateLimit(`newsletter-ip:${limitHash("ip", limitBucket(ip))}`, SIGN_UP_LIMITS.perClient, SIGN_UP_LIMITS.windowMs, now.getTime()),
  ]);
  return byAddress.allowed && byClient.allowed;
}

/** Only the lists that exist: a section deleted since the form was rendered, or an edition the site lacks, is dropped. */
async function existingLists(tx: Pick<DbTx, "section" | "languageEdition">, keys: string[]): Promise<string[]> {
  const languages = await listNewsletterLanguages(tx);
  const parsed = keys
    .map(parseListKey)
    .filter((list) => list !== null)
    .filter((list) => languageOfList(languages, list.edition) !== null);
  const sectionIds = parsed.flatMap((list) => (list.sectionId ? [list.sectionId] : []));
  const sections = sectionIds.length ? await tx.section.findMany({ where: { id: { in: sectionIds } }, select: { id: true } }) : [];
  const known = new Set(sections.map((s) => s.id));
  return parsed.filter((list) => !list.sectionId || known.has(list.sectionId)).map((list) => list.list);
}

function confirmationMessage(to: string, link: string, site: string, text: ReaderText) {
  return { to, subject: text.t("nlMailConfirmSubject", { site }), text: text.t("nlMailConfirmBody", { site, link }) };
}

/**
 * A sign-up from a form. Returns a function that e-mails the confirmation link, or null when nothing is sent (the
 * address is suppressed, or over a limit); the caller answers the same either way.
 */
export async function signUp(
  input: { email: string; lists: string[]; source: SignUpSource; ip: string; language?: string },
  now = new Date(),
): Promise<(() => Promise<void>) | null> {
  const email = input.email.trim().toLowerCase();
  if (!(await withinSignUpLimits(email, input.ip, now))) return null;
  const nonce = randomBytes(12).toString("base64url");
  const db = getDb();
  // The form's edition: its language is the reader's from now on, and its digest the list when none was ticked.
  const language = await newsletterLanguage(input.language);
  const subscriber = await db.$transaction(async (tx) => {
    const lists = await existingLists(tx, input.lists.length ? input.lists : [editionList("DIGEST", null, language.listEdition)]);
    const existing = await tx.subscriber.findUnique({ where: { email }, select: { id: true, status: true } });
    if (existing?.status === "SUPPRESSED") return null;
    const data = { pendingLists: lists, confirmNonce: nonce, language: language.id };
    const row = existing
      ? await tx.subscriber.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.subscriber.create({ data: { email, ...data, createdAt: now }, select: { id: true } });
    await tx.newsletterConsent.create({ data: { subscriberId: row.id, action: "sign_up", source: input.source, lists, language: language.id, createdAt: now } });
    return row;
  });
  if (!subscriber) return null;
  const link = confirmUrl(subscriber.id, nonce, language.prefix);
  return async () => {
    const settings = await db.settings.findUnique({ where: { id: 1 }, select: { siteName: true } });
    await deliverMail(confirmationMessage(email, link, settings?.siteName ?? "Dateline", language.text));
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
  const row = await getDb().$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id: claims.subscriberId }, select: { id: true, pendingLists: true, language: true } });
    if (!row) return null;
    // The nonce is compared and cleared in one statement: two clicks at once confirm once.
    const used = await tx.subscriber.updateMany({
      where: { id: row.id, confirmNonce: claims.extra, status: { not: "SUPPRESSED" } },
      data: { confirmNonce: null, pendingLists: [], status: "CONFIRMED", confirmedAt: now, unsubscribedAt: null },
    });
    if (used.count !== 1) return null;
    const lists = await existingLists(tx, row.pendingLists);
    await addMemberships(tx, row.id, lists);
    await tx.newsletterConsent.create({ data: { subscriberId: row.id, action: "confirm", source: "e-mail", lists, language: row.language, createdAt: now } });
    return row;
  });
  return row ? { preferencesPath: preferencesPath(row.id, (await newsletterLanguage(row.language)).prefix) } : null;
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
    const row = await tx.subscriber.findUnique({ where: { id: claims.subscriberId }, select: { id: true, status: true, language: true } });
    if (!row || row.status === "SUPPRESSED" || row.status === "PENDING") return false;
    const lists = await existingLists(tx, keys);
    await tx.newsletterMembership.deleteMany({ where: { subscriberId: row.id, list: { notIn: lists } } });
    await addMemberships(tx, row.id, lists);
    const status = lists.length ? "CONFIRMED" : "UNSUBSCRIBED";
    await tx.subscriber.update({ where: { id: row.id }, data: { status, unsubscribedAt: status === "UNSUBSCRIBED" ? now : null } });
    await tx.newsletterConsent.create({ data: { subscriberId: row.id, action: "preferences", source: "preferences", lists, language: row.language, createdAt: now } });
    return true;
  });
}

/**
 * The list an unsubscribe link leaves: the list of the edition it came in (its key, how it reads in its language,
 * and that language), or null for every list (a link that names no edition, or whose edition is gone).
 */
async function listOfLink(tx: Pick<DbTx, "edition" | "languageEdition">, editionId: string): Promise<{ key: string; name: string; language: string } | null> {
  if (!editionId) return null;
  const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { kind: true, sectionId: true, language: true, section: { select: { name: true } } } });
  if (!edition) return null;
  const language = await newsletterLanguage(edition.language, tx);
  return { key: editionList(edition.kind, edition.sectionId, language.listEdition), name: listName(edition.kind, edition.section?.name ?? null, language.text), language: language.id };
}

export type UnsubscribeView = { email: string; isSubscribed: boolean; listName: string | null; preferencesPath: string };

/** What the unsubscribe page shows for a link (`listName` null: every list), or null when it cannot be used. */
export async function getUnsubscribe(token: unknown): Promise<UnsubscribeView | null> {
  const claims = readLinkToken(token, "unsubscribe");
  if (!claims) return null;
  const db = getDb();
  const row = await db.subscriber.findUnique({ where: { id: claims.subscriberId }, select: { email: true, status: true, language: true, lists: { select: { list: true } } } });
  if (!row) return null;
  const list = await listOfLink(db, claims.extra);
  const isSubscribed = row.status === "CONFIRMED" && (list ? row.lists.some((l) => l.list === list.key) : row.lists.length > 0);
  const prefix = (await newsletterLanguage(list?.language ?? row.language)).prefix;
  return { email: row.email, isSubscribed, listName: list?.name ?? null, preferencesPath: preferencesPath(claims.subscriberId, prefix) };
}

/**
 * Unsubscribes from the list of the edition the link came in (the footer's page, or RFC 8058's one-click POST;
 * every list when the link names no edition), and counts it against that edition. Leaving the last list makes the
 * reader UNSUBSCRIBED; the preferences page leaves them all at once. Idempotent. Returns a preferences link (to
 * come back), or null when the link cannot be used.
 */
export async function unsubscribe(token: unknown, oneClick: boolean, now = new Date()): Promise<{ preferencesPath: string } | null> {
  const claims = readLinkToken(token, "unsubscribe", now);
  if (!claims) return null;
  const done = await getDb().$transaction(async (tx) => {
    const row = await tx.subscriber.findUnique({ where: { id: claims.subscriberId }, select: { id: true, status: true, language: true, lists: { select: { list: true } } } });
    if (!row) return null;
    const list = await listOfLink(tx, claims.extra);
    const leaving = row.lists.map((l) => l.list).filter((key) => !list || key === list.key);
    await tx.newsletterMembership.deleteMany({ where: { subscriberId: row.id, list: { in: leaving } } });
    const isLast = leaving.length === row.lists.length;
    const isStatusChange = isLast && row.status !== "SUPPRESSED" && row.status !== "UNSUBSCRIBED";
    if (isStatusChange) await tx.subscriber.update({ where: { id: row.id }, data: { status: "UNSUBSCRIBED", unsubscribedAt: now } });
    if (leaving.length > 0 || isStatusChange) {
      const action = oneClick ? "one_click_unsubscribe" : "unsubscribe";
      await tx.newsletterConsent.create({ data: { subscriberId: row.id, action, source: "e-mail", lists: leaving, language: list?.language ?? row.language, createdAt: now } });
    }
    if (claims.extra) await tx.newsletterSend.updateMany({ where: { editionId: claims.extra, subscriberId: row.id, unsubscribedAt: null }, data: { unsubscribedAt: now } });
    return list?.language ?? row.language;
  });
  return done === null ? null : { preferencesPath: preferencesPath(claims.subscriberId, (await newsletterLanguage(done)).prefix) };
}

/** The scheduler's sweep: sign-ups never confirmed. */
export async function purgeUnconfirmedSubscribers(now = new Date()): Promise<number> {
  const purged = await getDb().subscriber.deleteMany({ where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - UNCONFIRMED_TTL_MS) } } });
  return purged.count;
}
