/**
 * The send queue's worker, run by the scheduler of every instance (and by the benchmark). It claims copies with
 * FOR UPDATE SKIP LOCKED (SENDING, with a lease), sends each over the pooled SMTP transport and records the result:
 * - accepted: SENT, written as soon as the server's reply arrives (one statement for every copy accepted while the
 *   previous one was written), and a lane takes its next copy only once its last one is recorded. A copy is claimed
 *   by one worker at a time, and the unique (edition, subscriber) row means it is never queued twice. The one case
 *   a copy goes twice: a worker dies after the server accepted it and before SENT is written; its lease runs out and
 *   another worker sends it again. That is at most LANES copies per dead worker, and both copies carry the same
 *   Message-ID (edition + subscriber), which mail clients show once. A stop (SIGTERM) is not a death: the lanes
 *   record what they have in flight and hand back the rest first (stopNewsletterDelivery), so it repeats nothing;
 * - a permanent rejection (5xx): SUPPRESSED, and the address is suppressed for every list;
 * - a temporary one (4xx) or a broken connection: QUEUED again after a backoff, FAILED after MAX_ATTEMPTS.
 * The per-minute rate (NEWSLETTER_RATE_PER_MINUTE) is shared by all instances: each claim takes at most what the
 * last minute's sends leave of it. Each copy is the edition's MIME template with its own links (copy.ts).
 */
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { deliverMail, SMTP_CONNECTIONS } from "@/lib/mail/transport";
import { buildCopyTemplate, copyMessage, type CopyTemplate } from "@/lib/newsletters/copy";
import { newsletterLanguage } from "./languages";
import { oneClickUrl, preferencesUrl, unsubscribePageUrl } from "./links";

export const MAX_ATTEMPTS = 6;
export const LEASE_MS = 2 * 60_000;
const BATCH = 200;
/**
 * Copies in flight at once per worker: one per SMTP connection. It is also the most copies a killed worker can leave
 * accepted by the server and not yet recorded (sent again after the lease), since a lane takes its next copy only
 * once its last one is recorded. Twice as many lanes sent no faster (bench --send, docs/performance.md).
 */
export const LANES = SMTP_CONNECTIONS;

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

type Claimed = { id: string; editionId: string; subscriberId: string; attempts: number; email: string; status: string };

/** Claims up to `limit` due copies (and reads their addresses) in one statement. */
async function claim(limit: number, now: Date, leaseMs: number): Promise<Claimed[]> {
  return getDb().$queryRaw<Claimed[]>`
    WITH claimed AS (
      UPDATE "NewsletterSend" SET state = 'SENDING', "leaseUntil" = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM "NewsletterSend"
        WHERE (state = 'QUEUED' AND "nextAttemptAt" <= ${now}) OR (state = 'SENDING' AND "leaseUntil" < ${now})
        ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, "editionId", "subscriberId", attempts)
    SELECT c.id, c."editionId", c."subscriberId", c.attempts, s.email, s.status::text AS status
    FROM claimed c JOIN "Subscriber" s ON s.id = c."subscriberId"`;
}

async function sentInLastMinute(now: Date): Promise<number> {
  return getDb().newsletterSend.count({ where: { sentAt: { gt: new Date(now.getTime() - 60_000) } } });
}

/** The edition's MIME template, composed once per run of the worker; `prefix`: its language edition's pages. */
type EditionTemplate = CopyTemplate & { prefix: string };

async function editionTemplate(id: string): Promise<EditionTemplate> {
  const e = await getDb().edition.findUnique({ where: { id }, select: { subject: true, html: true, text: true, kind: true, language: true } });
  const host = new URL(getEnv().siteUrl).hostname;
  const language = await newsletterLanguage(e?.language);
  // Another edition's lists are lists of their own to mail clients' filters.
  const listId = `<${language.listEdition ? `${language.listEdition}.` : ""}${(e?.kind ?? "DIGEST").toLowerCase()}.newsletters.${host}>`;
  const template = await buildCopyTemplate({ from: getEnv().mailFrom, subject: e?.subject ?? "", html: e?.html ?? "", text: e?.text ?? "", listId });
  return { ...template, prefix: language.prefix };
}

async function sendCopy(row: Claimed, template: EditionTemplate, now: Date): Promise<void> {
  const messageId = `<${row.editionId}.${row.subscriberId}@${new URL(getEnv().siteUrl).hostname}>`;
  const links = { preferences: preferencesUrl(row.subscriberId, template.prefix), unsubscribe: unsubscribePageUrl(row.subscriberId, row.editionId, template.prefix) };
  const copy = copyMessage(template, { to: row.email, messageId, date: now, oneClickUrl: oneClickUrl(row.subscriberId, row.editionId), links });
  await deliverMail({ ...copy, messageId });
}

/**
 * Records copies as SENT the moment the server accepts them. Copies accepted while a write is under way wait for the
 * next one, which takes them all in one statement (a group commit): under load one UPDATE covers many copies, and no
 * copy waits for more than the write before its own.
 */
function sentRecorder(now: Date): (id: string) => Promise<void> {
  let waiting: { id: string; done: () => void; fail: (error: unknown) => void }[] = [];
  let writing = false;
  const write = async () => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await getDb().newsletterSend.updateMany({ where: { id: { in: batch.map((b) => b.id) } }, data: { state: "SENT", sentAt: now, leaseUntil: null, lastError: "" } });
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.fail(error);
      }
    }
    writing = false;
  };
  return (id) =>
    new Promise<void>((done, fail) => {
      waiting.push({ id, done, fail });
      if (!writing) void write();
    });
}

/** Records a copy that was not sent: skipped (the reader left meanwhile), refused, or failed. */
async function recordUnsent(row: Claimed, outcome: "skipped" | { error: unknown }, now: Date): Promise<"failed" | "suppressed" | "retry"> {
  const db = getDb();
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

/** Copies claimed and never started (the worker is stopping): back in the queue at once, the attempt not counted. */
async function release(rows: Claimed[]): Promise<void> {
  if (rows.length === 0) return;
  await getDb().newsletterSend.updateMany({ where: { id: { in: rows.map((r) => r.id) }, state: "SENDING" }, data: { state: "QUEUED", leaseUntil: null, attempts: { decrement: 1 } } });
}

/** This process's runs under way, and whether it is stopping (stopNewsletterDelivery). */
const runs = ((globalThis as { __datelineNewsletterRuns?: { active: Set<Promise<unknown>>; stopping: boolean } }).__datelineNewsletterRuns ??= {
  active: new Set(),
  stopping: false,
});

/**
 * A graceful stop (SIGTERM: a deploy, a supervisor; lib/jobs/graceful-stop.ts): each lane finishes and records the
 * copy it has in flight and takes no other, the copies claimed and not started go back to the queue at once (not
 * after their lease) for another instance, and no run starts after it. Resolves when this process's runs have
 * returned. So a stop never repeats a copy; only a kill, which runs no clean-up, can (see the header).
 */
export async function stopNewsletterDelivery(): Promise<void> {
  runs.stopping = true;
  await Promise.allSettled([...runs.active]);
}

export type DeliveryTally = { sent: number; failed: number; suppressed: number; retry: number };

/**
 * Sends every copy that is due, within the rate; returns what happened. Safe to run in several processes at once.
 * `now` moves the clock for tests (retries, leases, the rate's minute); `ratePerMinute` overrides the configured rate.
 */
export function deliverNewsletterSends(options: { now?: Date; ratePerMinute?: number } = {}): Promise<DeliveryTally> {
  if (runs.stopping) return Promise.resolve({ sent: 0, failed: 0, suppressed: 0, retry: 0 });
  const run = deliver(options);
  runs.active.add(run);
  const done = () => void runs.active.delete(run);
  run.then(done, done);
  return run;
}

async function deliver(options: { now?: Date; ratePerMinute?: number }): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, failed: 0, suppressed: 0, retry: 0 };
  const templates = new Map<string, Promise<EditionTemplate>>();
  while (!runs.stopping) {
    const now = options.now ?? new Date();
    const budget = (options.ratePerMinute ?? getEnv().newsletter.ratePerMinute) - (await sentInLastMinute(now));
    if (budget <= 0) break;
    const rows = await claim(Math.min(BATCH, budget), now, LEASE_MS);
    if (rows.length === 0) break;
    const markSent = sentRecorder(now);
    let next = 0;
    const take = () => (runs.stopping ? undefined : rows[next++]);
    const lane = async () => {
      for (let row = take(); row; row = take()) {
        if (row.status !== "CONFIRMED") {
          tally[await recordUnsent(row, "skipped", now)]++;
          continue;
        }
        if (!templates.has(row.editionId)) templates.set(row.editionId, editionTemplate(row.editionId));
        try {
          await sendCopy(row, await templates.get(row.editionId)!, now);
        } catch (error) {
          tally[await recordUnsent(row, { error }, now)]++;
          continue;
        }
        await markSent(row.id);
        tally.sent++;
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    await release(rows.slice(next));
  }
  return tally;
}
