/**
 * Working the outbound queue (./queue.ts): claim due messages (FOR UPDATE SKIP LOCKED, so instances never send one
 * message twice at once; a claim older than STALE_CLAIM_MS, whose sender died, is taken again), send each signed
 * the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 over id.timestamp.body
 * with the endpoint's whsec_ secret), and record the attempt (status, latency, the answer's first kilobyte) for the
 * delivery log. A 2xx is success; anything else waits retryDelayMs and tries again, up to MAX_ATTEMPTS; a message
 * given up turns its endpoint off and tells the admins.
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

type Claimed = { id: string; kind: "WEBHOOK" | "WEBSUB"; endpointId: string | null; url: string; payload: string; attempts: number; secret: string | null };

async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  return getDb().$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM "WebhookDelivery" d LEFT JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
      WHERE (d.kind = 'WEBSUB' OR e.enabled)
        AND ((d.state = 'PENDING' AND d."nextAttemptAt" <= ${now})
          OR (d.state = 'DELIVERING' AND d."claimedAt" < ${new Date(now.getTime() - STALE_CLAIM_MS)}))
      ORDER BY d."nextAttemptAt" LIMIT ${limit} FOR UPDATE OF d SKIP LOCKED)
    UPDATE "WebhookDelivery" d SET state = 'DELIVERING', "claimedAt" = ${now}, attempts = d.attempts + 1
    FROM due WHERE d.id = due.id
    RETURNING d.id, d.kind::text AS kind, d."endpointId", d.url, d.payload, d.attempts,
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

const isDelivered = (result: SendResult) => result.status !== null && result.status >= 200 && result.status < 300;

async function record(message: Claimed, result: SendResult, now: Date): Promise<void> {
  const ok = isDelivered(result);
  const givenUp = !ok && message.attempts >= MAX_ATTEMPTS;
  const attempt = { lastStatus: result.status, lastLatencyMs: result.latencyMs, lastResponse: result.excerpt, lastError: result.error, lastAttemptAt: now, claimedAt: null };
  await getDb().$transaction(async (tx) => {
    await tx.webhookDelivery.update({
      where: { id: message.id },
      data: { ...attempt, state: ok ? "SUCCEEDED" : givenUp ? "FAILED" : "PENDING", nextAttemptAt: new Date(now.getTime() + (ok || givenUp ? 0 : retryDelayMs(message.attempts))) },
    });
    if (!givenUp || !message.endpointId) return;
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: message.endpointId, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: `A message failed ${MAX_ATTEMPTS} times over about a day (last: ${result.status ?? result.error}).` },
    });
    if (count > 0) await notifyAdminsOfDisabledEndpoint(tx, message.endpointId, message.url);
  });
}

/** Sends every due message. Safe to run from several places and instances at once. Returns how many were tried. */
export async function deliverDueWebhooks(options: { now?: () => Date } = {}): Promise<{ sent: number; failed: number }> {
  const clock = options.now ?? (() => new Date());
  const tally = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await claimDue(clock(), BATCH);
    await Promise.all(
      batch.map(async (message) => {
        const at = clock();
        const result = await send(message, at);
        await record(message, result, at);
        tally[isDelivered(result) ? "sent" : "failed"]++;
      }),
    );
    if (batch.length < BATCH) return tally;
  }
}

const state = ((globalThis as { __datelineWebhooks?: { running: boolean; again: boolean } }).__datelineWebhooks ??= { running: false, again: false });

/** After an event's commit (and on each scheduler tick): work the queue now, without the caller waiting. */
export function deliverWebhooksSoon(): void {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  deliverDueWebhooks()
    .catch((error: unknown) => console.error("[dateline] webhooks: the queue could not be worked:", error instanceof Error ? error.message : error))
    .finally(() => {
      state.running = false;
      if (state.again) {
        state.again = false;
        deliverWebhooksSoon();
      }
    });
}
