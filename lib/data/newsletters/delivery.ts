/**
 * The send queue's worker, run by the scheduler of every instance (and by the benchmark). It claims copies with
 * FOR UPDATE SKIP LOCKED (SENDING, with a lease), sends each over the pooled SMTP transport and records the result:
 * - accepted: SENT. A copy is claimed by one worker at a time, and the unique (edition, subscriber) row means it is
 *   never queued twice; its Message-ID is derived from the edition and the subscriber, so that in the one case a
 *   copy can go twice (a worker dies after the server accepted it and before SENT is written; its lease runs out
 *   and another takes it) both copies carry the same Message-ID and mail clients show one;
 * - a permanent rejection (5xx): SUPPRESSED, and the address is suppressed for every list;
 * - a temporary one (4xx) or a broken connection: QUEUED again after a backoff, FAILED after MAX_ATTEMPTS.
 * The per-minute rate (NEWSLETTER_RATE_PER_MINUTE) is shared by all instances: each claim takes at most what the
 * last minute's sends leave of it.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { deliverMail } from "@/lib/mail/transport";
import { personalize } from "@/lib/newsletters/render";
import { oneClickUrl, preferencesUrl, unsubscribePageUrl } from "./links";

export const MAX_ATTEMPTS = 6;
export const LEASE_MS = 2 * 60_000;
const BATCH = 200;
/** Copies in flight at once per worker (the SMTP pool has 5 connections; the rest wait on the database). */
const LANES = 16;

/** Minutes to wait before the next attempt after `attempts` temporary failures: 1, 4, 16, 64, 256. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 4 ** Math.max(0, attempts - 1);
}

export type SmtpVerdict = "permanent" | "temporary";

/** A 5xx reply is the address's fault and final; everything else (4xx, timeouts, a dropped connection) may pass later. */
export function classifySmtpError(error: unknown): SmtpVerdict {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600 ? "permanent" : "temporary";
}

type Claimed = { id: string; editionId: string; subscriberId: string; attempts: number };

async function claim(limit: number, now: Date, leaseMs: number): Promise<Claimed[]> {
  return getDb().$queryRaw<Claimed[]>`
    UPDATE "NewsletterSend" SET state = 'SENDING', "leaseUntil" = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "NewsletterSend"
      WHERE (state = 'QUEUED' AND "nextAttemptAt" <= ${now}) OR (state = 'SENDING' AND "leaseUntil" < ${now})
      ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, "editionId", "subscriberId", attempts`;
}

async function sentInLastMinute(now: Date): Promise<number> {
  return getDb().newsletterSend.count({ where: { sentAt: { gt: new Date(now.getTime() - 60_000) } } });
}

type EditionMail = { subject: string; html: string; text: string; kind: string };

function messageHeaders(editionId: string, subscriberId: string, kind: string) {
  const host = new URL(getEnv().siteUrl).hostname;
  return {
    messageId: `<${editionId}.${subscriberId}@${host}>`,
    headers: {
      "List-Unsubscribe": `<${oneClickUrl(subscriberId, editionId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `<${kind.toLowerCase()}.newsletters.${host}>`,
    },
  };
}

async function sendOne(row: Claimed, to: string, edition: EditionMail): Promise<void> {
  const links = { preferences: preferencesUrl(row.subscriberId), unsubscribe: unsubscribePageUrl(row.subscriberId, row.editionId) };
  await deliverMail({
    to,
    subject: edition.subject,
    html: personalize(edition.html, links, true),
    text: personalize(edition.text, links, false),
    // Base64 rather than quoted-printable: composing each copy is several times cheaper (scripts/bench/send.ts).
    textEncoding: "base64",
    ...messageHeaders(row.editionId, row.subscriberId, edition.kind),
  });
}

async function record(row: Claimed, outcome: "sent" | "skipped" | { error: unknown }, now: Date): Promise<"sent" | "failed" | "suppressed" | "retry"> {
  const db = getDb();
  if (outcome === "sent") {
    await db.newsletterSend.update({ where: { id: row.id }, data: { state: "SENT", sentAt: now, leaseUntil: null, lastError: "" } });
    return "sent";
  }
  if (outcome === "skipped") {
    await db.newsletterSend.update({ where: { id: row.id }, data: { state: "SUPPRESSED", leaseUntil: null, lastError: "not subscribed any more" } });
    return "suppressed";
  }
  const message = (outcome.error instanceof Error ? outcome.error.message : String(outcome.error)).slice(0, 500);
  if (classifySmtpError(outcome.error) === "permanent") {
    await db.$transaction([
      db.newsletterSend.update({ where: { id: row.id }, data: { state: "SUPPRESSED", leaseUntil: null, lastError: message } }),
      db.subscriber.update({ where: { id: row.subscriberId }, data: { status: "SUPPRESSED", suppressedAt: now, suppressedWhy: `rejected: ${message}`.slice(0, 500) } }),
      db.newsletterMembership.deleteMany({ where: { subscriberId: row.subscriberId } }),
    ]);
    return "suppressed";
  }
  const final = row.attempts >= MAX_ATTEMPTS;
  await db.newsletterSend.update({
    where: { id: row.id },
    data: { state: final ? "FAILED" : "QUEUED", leaseUntil: null, lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) },
  });
  return final ? "failed" : "retry";
}

export type DeliveryTally = { sent: number; failed: number; suppressed: number; retry: number };

/**
 * Sends every copy that is due, within the rate; returns what happened. Safe to run in several processes at once.
 * `now` moves the clock for tests (retries, leases, the rate's minute); `ratePerMinute` overrides the configured rate.
 */
export async function deliverNewsletterSends(options: { now?: Date; ratePerMinute?: number } = {}): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, failed: 0, suppressed: 0, retry: 0 };
  const db = getDb();
  const editions = new Map<string, EditionMail>();
  for (;;) {
    const now = options.now ?? new Date();
    const budget = (options.ratePerMinute ?? getEnv().newsletter.ratePerMinute) - (await sentInLastMinute(now));
    if (budget <= 0) break;
    const rows = await claim(Math.min(BATCH, budget), now, LEASE_MS);
    if (rows.length === 0) break;
    for (const id of new Set(rows.map((r) => r.editionId).filter((id) => !editions.has(id)))) {
      const e = await db.edition.findUnique({ where: { id }, select: { subject: true, html: true, text: true, kind: true } });
      editions.set(id, { subject: e?.subject ?? "", html: e?.html ?? "", text: e?.text ?? "", kind: e?.kind ?? "DIGEST" });
    }
    const subscribers = new Map(
      (await db.subscriber.findMany({ where: { id: { in: rows.map((r) => r.subscriberId) } }, select: { id: true, email: true, status: true } })).map((s) => [s.id, s]),
    );
    let next = 0;
    const lane = async () => {
      for (let row = rows[next++]; row; row = rows[next++]) {
        const subscriber = subscribers.get(row.subscriberId);
        let outcome: "sent" | "skipped" | { error: unknown } = "skipped";
        if (subscriber?.status === "CONFIRMED") {
          try {
            await sendOne(row, subscriber.email, editions.get(row.editionId)!);
            outcome = "sent";
          } catch (error) {
            outcome = { error };
          }
        }
        tally[await record(row, outcome, now)]++;
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
  }
  return tally;
}
