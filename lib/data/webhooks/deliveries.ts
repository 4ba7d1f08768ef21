/**
 * Working the outbound queue (./queue.ts): claim due messages (FOR UPDATE SKIP LOCKED, so instances never send one
 * message twice at once; a claim older than STALE_CLAIM_MS, whose sender died, is taken again), send each signed
 * the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 over id.timestamp.body
 * with the endpoint's whsec_ secret) to the endpoint's current URL, and record the attempt (status, latency, the
 * answer's first kilobyte) for the delivery log. A 2xx in time is success; anything else waits retryDelayMs and
 * tries again, up to MAX_ATTEMPTS; a message given up turns its endpoint off and tells the admins.
 *
 * One receiver cannot hold up the others: an attempt lasts at most SEND_TIMEOUT_MS, at most PER_RECEIVER messages
 * of one endpoint (or one WebSub hub) are in flight at once across the instances, and the worker started after a
 * commit claims and starts what is due without waiting for earlier attempts to end.
 */
import "server-only";
import { Webhook } from "standardwebhooks";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { postOnce, type SendResult } from "@/lib/webhooks/send";
import { notifyAdminsOfDisabledEndpoint } from "../notifications/notify";
import { MAX_ATTEMPTS, retryDelayMs } from "./queue";

const STALE_CLAIM_MS = 5 * 60_000;
const BATCH = 20;
/** Messages of one receiver in flight at once: a slow receiver fills its own slots, never another's. */
export const PER_RECEIVER = 4;

type Claimed = { id: string; kind: "WEBHOOK" | "WEBSUB"; endpointId: string | null; url: string; payload: string; attempts: number; secret: string | null };

/**
 * Claims up to `limit` due messages, no more of one receiver (its endpoint, or the hub's URL) than its free slots;
 * a receiver whose slots are full is passed over, so what is due for the others is claimed behind it. Counting the
 * slots is not locked: instances claiming at the same moment may together exceed them a little.
 */
async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  return getDb().$queryRaw<Claimed[]>`
    WITH busy AS (
      SELECT COALESCE(b."endpointId", b.url) AS receiver, count(*) AS n FROM "WebhookDelivery" b
      WHERE b.state = 'DELIVERING' AND b."claimedAt" >= ${stale} GROUP BY 1),
    due AS (
      SELECT d.id, d."nextAttemptAt", COALESCE(d."endpointId", d.url) AS receiver FROM "WebhookDelivery" d
        LEFT JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
      WHERE (d.kind = 'WEBSUB' OR e.enabled)
        AND ((d.state = 'PENDING' AND d."nextAttemptAt" <= ${now}) OR (d.state = 'DELIVERING' AND d."claimedAt" < ${stale}))
        AND NOT EXISTS (SELECT 1 FROM busy WHERE busy.receiver = COALESCE(d."endpointId", d.url) AND busy.n >= ${PER_RECEIVER})
      ORDER BY d."nextAttemptAt" LIMIT ${limit * PER_RECEIVER} FOR UPDATE OF d SKIP LOCKED),
    chosen AS (
      SELECT ranked.id FROM (
        SELECT due.id, due."nextAttemptAt", COALESCE(busy.n, 0) + row_number() OVER (PARTITION BY due.receiver ORDER BY due."nextAttemptAt") AS slot
        FROM due LEFT JOIN busy ON busy.receiver = due.receiver) ranked
      WHERE ranked.slot <= ${PER_RECEIVER} ORDER BY ranked."nextAttemptAt" LIMIT ${limit})
    UPDATE "WebhookDelivery" d SET state = 'DELIVERING', "claimedAt" = ${now}, attempts = d.attempts + 1
    FROM chosen WHERE d.id = chosen.id
    RETURNING d.id, d.kind::text AS kind, d."endpointId", d.payload, d.attempts,
      COALESCE((SELECT url FROM "WebhookEndpoint" e WHERE e.id = d."endpointId"), d.url) AS url,
      (SELECT secret FROM "WebhookEndpoint" e WHERE e.id = d."endpointId") AS secret`;
}

function send(message: Claimed, now: Date): Promise<SendResult> {
  const allowPrivate = getEnv().webhookAllowPrivateTargets;
  if (message.kind === "WEBSUB") return postOnce(message.url, message.payload, { "content-type": "application/x-www-form-urlencoded" }, allowPrivate);
  const signature = new Webhook(message.secret as string).sign(message.id, now, message.payload);
  return postOnce(
    message.url,
    message.payload,
    {
      "content-type": "application/json",
      "webhook-id": message.id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": signature,
    },
    allowPrivate,
  );
}

const isDelivered = (result: SendResult) => !result.error && result.status !== null && result.status >= 200 && result.status < 300;

async function record(message: Claimed, result: SendResult, now: Date): Promise<void> {
  const ok = isDelivered(result);
  const givenUp = !ok && message.attempts >= MAX_ATTEMPTS;
  const attempt = { lastStatus: result.status, lastLatencyMs: result.latencyMs, lastResponse: result.excerpt, lastError: result.error, lastAttemptAt: now, claimedAt: null };
  await getDb().$transaction(async (tx) => {
    // None when its endpoint was deleted while the message was on its way.
    const { count: recorded } = await tx.webhookDelivery.updateMany({
      where: { id: message.id },
      data: { ...attempt, state: ok ? "SUCCEEDED" : givenUp ? "FAILED" : "PENDING", nextAttemptAt: new Date(now.getTime() + (ok || givenUp ? 0 : retryDelayMs(message.attempts))) },
    });
    if (recorded === 0 || !givenUp || !message.endpointId) return;
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: message.endpointId, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: `A message failed ${MAX_ATTEMPTS} times over about a day (last: ${result.status ?? result.error}).` },
    });
    if (count > 0) await notifyAdminsOfDisabledEndpoint(tx, message.endpointId, message.url);
  });
}

const logFailure = (error: unknown) => console.error("[dateline] webhooks: the queue could not be worked:", error instanceof Error ? error.message : error);

/**
 * Sends one claimed message and records the attempt; true when it was delivered. Never rejects: nobody may be
 * waiting for it. An attempt that could not be recorded is logged, and its claim is taken again once stale.
 */
async function attempt(message: Claimed, clock: () => Date): Promise<boolean> {
  const at = clock();
  const result = await send(message, at).catch((error: unknown): SendResult => ({ status: null, latencyMs: 0, excerpt: "", error: error instanceof Error ? error.message : String(error) }));
  try {
    await record(message, result, at);
  } catch (error) {
    logFailure(error);
    return false;
  }
  return isDelivered(result);
}

/** Claims what is due at `now` and starts sending it, without waiting for the attempts: their promises. */
async function startDue(now: Date, clock: () => Date): Promise<Promise<boolean>[]> {
  const started: Promise<boolean>[] = [];
  for (;;) {
    const batch = await claimDue(now, BATCH);
    // Until nothing more is claimed: a batch cut short by a receiver's full slots may leave others' messages behind.
    if (batch.length === 0) return started;
    started.push(...batch.map((message) => attempt(message, clock)));
  }
}

/**
 * Sends every message due when it is called, and waits for the attempts (a receiver's messages beyond its slots go
 * as its earlier ones end). Safe to run from several places and instances at once. Returns how many were tried.
 */
export async function deliverDueWebhooks(options: { now?: () => Date } = {}): Promise<{ sent: number; failed: number }> {
  const clock = options.now ?? (() => new Date());
  const now = clock();
  const tally = { sent: 0, failed: 0 };
  for (;;) {
    const started = await startDue(now, clock);
    if (started.length === 0) return tally;
    for (const delivered of await Promise.all(started)) tally[delivered ? "sent" : "failed"]++;
  }
}

const state = ((globalThis as { __datelineWebhooks?: { claiming: boolean; again: boolean } }).__datelineWebhooks ??= { claiming: false, again: false });

/**
 * After an event's commit (and on each scheduler tick): claim and start what is due now, without the caller waiting.
 * Only the claiming is serialized; each attempt, when it ends, looks again (its receiver has a free slot).
 */
export function deliverWebhooksSoon(): void {
  if (state.claiming) {
    state.again = true;
    return;
  }
  state.claiming = true;
  startDue(new Date(), () => new Date())
    .then((started) => {
      for (const sending of started) void sending.then(deliverWebhooksSoon);
    }, logFailure)
    .finally(() => {
      state.claiming = false;
      if (state.again) {
        state.again = false;
        deliverWebhooksSoon();
      }
    });
}
