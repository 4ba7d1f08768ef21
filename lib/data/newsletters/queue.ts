/**
 * Editions into the send queue. Queueing freezes an edition (its articles, its rendered HTML and text) and inserts
 * one NewsletterSend row per confirmed member of its list, unique per (edition, subscriber): queueing twice, from
 * two instances at once, still queues each copy once. The scheduler queues editions whose time has come, keeps the
 * next daily digest of every language edition waiting at the configured hour, and closes editions whose copies are
 * all done. An edition goes to the list of its language edition ("DIGEST", "es:DIGEST"). While an admin keeps that
 * language edition closed to readers (decision 0033) nothing goes to its lists: no digest is prepared, a due one is
 * cancelled (its day passes unsent), and an edition staff wrote waits, unsent, until the edition opens.
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { editionList } from "@/lib/newsletters/lists";
import { digestFor, nextDigestSlot } from "@/lib/newsletters/schedule";
import { isUniqueViolation } from "../transaction";
import { editionArticles, renderEditionMail } from "./content";
import { listNewsletterLanguages, newsletterLanguage } from "./languages";

const editionSelect = { id: true, kind: true, sectionId: true, language: true, subject: true, intro: true, items: true, itemsEdited: true, scheduledFor: true, status: true, section: { select: { name: true } } } as const;

type Sendable = Parameters<typeof renderEditionMail>[0];

/**
 * An edition made ready to send, before any transaction opens (reading its articles and rendering the e-mail are the
 * slow part): the frozen fields to write on it, and the list it goes to. Null when it has no published article.
 */
export async function freezeEdition(edition: Sendable, listEdition: string | null, now: Date) {
  const articles = await editionArticles(edition, now);
  if (articles.length === 0) return null;
  const { html, text } = await renderEditionMail(edition, articles);
  const frozen = { status: "SENDING" as const, queuedAt: now, html, text, items: articles.map((a) => a.id), scheduledFor: edition.scheduledFor ?? now };
  return { frozen, list: editionList(edition.kind, edition.sectionId, listEdition) };
}

/** Inside the transaction that moves the edition to SENDING: one copy per confirmed member of its list. */
export function queueCopies(tx: DbTx, editionId: string, list: string, now: Date): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "NewsletterSend" (id, "editionId", "subscriberId", "nextAttemptAt")
    SELECT gen_random_uuid()::text, ${editionId}, m."subscriberId", ${now}
    FROM "NewsletterMembership" m JOIN "Subscriber" s ON s.id = m."subscriberId"
    WHERE m.list = ${list} AND s.status = 'CONFIRMED'
    ON CONFLICT ("editionId", "subscriberId") DO NOTHING`;
}

/**
 * Queues an edition now. Returns how many copies were queued, or null when it was not waiting to be sent (already
 * queued by someone else, or cancelled). An automatic edition with nothing to send is cancelled instead. `record`
 * runs in the transaction that queues it (a staff send's audit entry: both commit, or neither).
 */
export async function queueEdition(id: string, now = new Date(), record?: (tx: DbTx, queued: number) => Promise<void>): Promise<number | null> {
  const db = getDb();
  const edition = await db.edition.findUnique({ where: { id }, select: editionSelect });
  if (!edition || (edition.status !== "DRAFT" && edition.status !== "SCHEDULED")) return null;
  const language = await newsletterLanguage(edition.language);
  // Closed: the day's digest is cancelled as an empty one is; what staff wrote waits for the edition to open.
  if (!language.isOpen && edition.kind !== "DIGEST") return null;
  const ready = language.isOpen ? await freezeEdition(edition, language.listEdition, now) : null;
  if (!ready) {
    await db.edition.updateMany({ where: { id, status: edition.status }, data: { status: "CANCELLED" } });
    return null;
  }
  return db.$transaction(async (tx) => {
    // Only the caller that moves it out of DRAFT/SCHEDULED queues its copies.
    const claimed = await tx.edition.updateMany({ where: { id, status: edition.status }, data: ready.frozen });
    if (claimed.count !== 1) return null;
    const queued = await queueCopies(tx, id, ready.list, now);
    await record?.(tx, queued);
    return queued;
  });
}

/** The next daily digest of every language edition, waiting (SCHEDULED) at the configured hour of the site's day, once per day. */
export async function ensureUpcomingDigest(now = new Date()): Promise<void> {
  const db = getDb();
  const settings = await db.settings.findUnique({ where: { id: 1 }, select: { timeZone: true, siteName: true } });
  const slot = nextDigestSlot(now, getEnv().newsletter.digestHour, settings?.timeZone ?? "UTC");
  for (const language of await listNewsletterLanguages()) {
    if (!language.isOpen) continue;
    const data = digestFor(language, slot, settings?.siteName ?? "Dateline");
    if (await db.edition.findUnique({ where: { dayKey: data.dayKey }, select: { id: true } })) continue;
    try {
      await db.edition.create({ data });
    } catch (error) {
      // Another instance created it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

/** Queues every scheduled edition whose time has come; closes the ones whose copies are all done. */
export async function queueDueEditions(now = new Date()): Promise<number> {
  const db = getDb();
  const due = await db.edition.findMany({ where: { status: "SCHEDULED", scheduledFor: { lte: now } }, select: { id: true }, orderBy: { scheduledFor: "asc" } });
  let queued = 0;
  for (const { id } of due) queued += (await queueEdition(id, now)) ?? 0;
  await db.$executeRaw`
    UPDATE "Edition" e SET status = 'SENT', "completedAt" = ${now}
    WHERE e.status = 'SENDING' AND NOT EXISTS (
      SELECT 1 FROM "NewsletterSend" s WHERE s."editionId" = e.id AND s.state IN ('QUEUED', 'SENDING'))`;
  return queued;
}
