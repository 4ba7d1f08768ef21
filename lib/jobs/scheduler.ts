/**
 * The in-server scheduler: every few seconds it publishes scheduled articles that are due, and every little while it
 * deletes the blank new drafts that were left (lib/data/articles/blank-drafts.ts). It runs in every app
 * instance; publishDueArticles claims rows with FOR UPDATE SKIP LOCKED, so two instances never publish the same
 * article twice, and it catches up at start-up on anything missed while no server ran. Never early: it only takes
 * articles whose time has come. An outside cron can trigger the same work: POST /api/cron/publish-scheduled.
 * Each tick also sends the notification e-mails still waiting in the outbox (lib/data/notifications/outbox.ts): those
 * whose first attempt failed, or whose sender stopped before sending, and works the webhook and WebSub queue (retries
 * that have come due, and messages of saves that did not wake it: lib/data/webhooks/deliveries.ts). And it runs the
 * newsletters: keeps the next daily digest waiting, queues the editions whose time has come and works the send queue
 * in the background (lib/data/newsletters, docs/decisions/0026), and, with the blank drafts, purges sign-ups never
 * confirmed.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { sweepBlankDrafts } from "@/lib/data/articles/blank-drafts";
import { publishDueArticles } from "@/lib/data/articles/workflow";
import { deliverNotificationEmails } from "@/lib/data/notifications/outbox";
import { deliverWebhooksSoon } from "@/lib/data/webhooks/deliveries";
import { deliverNewsletterSends } from "@/lib/data/newsletters/delivery";
import { ensureUpcomingDigest, queueDueEditions } from "@/lib/data/newsletters/queue";
import { purgeUnconfirmedSubscribers } from "@/lib/data/newsletters/subscribers";

/** Blank drafts are swept at most this often (they wait a minute anyway). */
const SWEEP_INTERVAL_MS = 15_000;

type SchedulerState = { timer: NodeJS.Timeout | null; running: boolean; sweptAt: number; mailing: boolean; newsletters: boolean };

const state = ((globalThis as { __datelineScheduler?: SchedulerState }).__datelineScheduler ??= {
  timer: null,
  running: false,
  sweptAt: 0,
  mailing: false,
  newsletters: false,
});

/** Drains the e-mail outbox in the background: a slow mail server never holds up the next publish. */
function drainOutbox(): void {
  if (state.mailing) return;
  state.mailing = true;
  deliverNotificationEmails()
    .catch((error: unknown) => console.error("[dateline] notification e-mails failed:", error instanceof Error ? error.message : error))
    .finally(() => {
      state.mailing = false;
    });
}

/** Queues due editions and works the newsletter queue in the background: a 10,000-copy send never holds up a tick. */
function runNewsletters(now: Date): void {
  if (state.newsletters) return;
  state.newsletters = true;
  ensureUpcomingDigest(now)
    .then(() => queueDueEditions(now))
    .then(() => deliverNewsletterSends())
    .catch((error: unknown) => console.error("[dateline] newsletters failed:", error instanceof Error ? error.message : error))
    .finally(() => {
      state.newsletters = false;
    });
}

export async function runSchedulerOnce(now = new Date()): Promise<string[]> {
  if (state.running) return [];
  state.running = true;
  try {
    const published = await publishDueArticles({ now });
    if (published.length > 0) console.log(`[dateline] scheduler published ${published.length} article(s)`);
    if (now.getTime() - (state.sweptAt || 0) >= SWEEP_INTERVAL_MS) {
      state.sweptAt = now.getTime();
      const discarded = await sweepBlankDrafts({ now });
      if (discarded.length > 0) console.log(`[dateline] scheduler deleted ${discarded.length} blank draft(s) nobody typed in`);
      await purgeUnconfirmedSubscribers(now);
    }
    drainOutbox();
    deliverWebhooksSoon();
    runNewsletters(now);
    return published;
  } catch (error) {
    // The database may be briefly unreachable: try again on the next tick.
    console.error("[dateline] scheduler tick failed:", error instanceof Error ? error.message : error);
    return [];
  } finally {
    state.running = false;
  }
}

/**
 * Ticks fall on the wall clock's multiples of the interval (…:00, :05, :10 with the default 5 s), not every interval
 * from whenever the server started: stories are scheduled for a minute, and a tick on the minute publishes them on
 * it rather than up to a whole interval late.
 */
function scheduleNextTick(intervalMs: number): void {
  state.timer = setTimeout(() => {
    scheduleNextTick(intervalMs);
    void runSchedulerOnce();
  }, intervalMs - (Date.now() % intervalMs));
  state.timer.unref();
}

export function startScheduler(): void {
  const env = getEnv();
  if (!env.schedulerEnabled || state.timer) return;
  void runSchedulerOnce();
  scheduleNextTick(env.schedulerIntervalMs);
}
