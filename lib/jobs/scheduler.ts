/**
 * The in-server scheduler: every few seconds it publishes scheduled articles that are due. It runs in every app
 * instance; publishDueArticles claims rows with FOR UPDATE SKIP LOCKED, so two instances never publish the same
 * article twice, and it catches up at start-up on anything missed while no server ran. Never early: it only takes
 * articles whose time has come. An outside cron can trigger the same work: POST /api/cron/publish-scheduled.
 * Each tick also sends the notification e-mails still waiting in the outbox (lib/data/notifications/outbox.ts): those
 * whose first attempt failed, or whose sender stopped before sending.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { publishDueArticles } from "@/lib/data/articles/workflow";
import { deliverNotificationEmails } from "@/lib/data/notifications/outbox";

const state = ((globalThis as { __datelineScheduler?: { timer: NodeJS.Timeout | null; running: boolean; mailing: boolean } }).__datelineScheduler ??= {
  timer: null,
  running: false,
  mailing: false,
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

export async function runSchedulerOnce(now = new Date()): Promise<string[]> {
  if (state.running) return [];
  state.running = true;
  try {
    const published = await publishDueArticles({ now });
    if (published.length > 0) console.log(`[dateline] scheduler published ${published.length} article(s)`);
    drainOutbox();
    return published;
  } catch (error) {
    // The database may be briefly unreachable: try again on the next tick.
    console.error("[dateline] scheduler tick failed:", error instanceof Error ? error.message : error);
    return [];
  } finally {
    state.running = false;
  }
}

export function startScheduler(): void {
  const env = getEnv();
  if (!env.schedulerEnabled || state.timer) return;
  void runSchedulerOnce();
  state.timer = setInterval(() => void runSchedulerOnce(), env.schedulerIntervalMs);
  state.timer.unref();
}
