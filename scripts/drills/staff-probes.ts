/**
 * What the concurrency drill measures for staff while readers flood the instance (issue 22, decision 0023): the
 * dashboard as an editor opens it, and a scheduled story's publish against the minute it was scheduled for.
 */
import type { Db } from "@/lib/db/client";

/** Nearest-rank percentile of `values` (ms). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

export type DashboardProbe = { times: number[]; failures: string[] };

/** Opens /dashboard as `cookie`'s editor about once a second until `endAt`, timing each answer. */
export async function probeDashboard(base: string, cookie: string, endAt: number): Promise<DashboardProbe> {
  const probe: DashboardProbe = { times: [], failures: [] };
  while (Date.now() < endAt) {
    const started = performance.now();
    try {
      const res = await fetch(`${base}/dashboard`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      const html = await res.text();
      probe.times.push(performance.now() - started);
      if (res.status !== 200 || !html.includes("<h1")) probe.failures.push(`dashboard answered ${res.status}`);
    } catch (error) {
      probe.failures.push(`dashboard: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((r) => setTimeout(r, 800 + Math.random() * 400));
  }
  return probe;
}

/** The first whole minute at least `leadMs` from now: when the drill's scheduled story is due. */
export function nextMinute(leadMs: number): Date {
  const at = new Date(Date.now() + leadMs);
  at.setSeconds(0, 0);
  at.setMinutes(at.getMinutes() + 1);
  return at;
}

export type ScheduledWatch = { dueAt: Date; lateMs: number | null };

/**
 * Schedules `articleId` for `dueAt` (as the desk's "Schedule" leaves it: SCHEDULED with a time) and watches the
 * database until the in-server scheduler has published it; `lateMs` is how long after its minute that was seen
 * (null: not by `untilMs` after the minute).
 */
export async function watchScheduledPublish(db: Db, articleId: string, dueAt: Date, untilMs = 20_000): Promise<ScheduledWatch> {
  await db.article.update({ where: { id: articleId }, data: { status: "SCHEDULED", scheduledAt: dueAt, headline: "Drill scheduled story", dek: "Scheduled by the drill." } });
  while (Date.now() < dueAt.getTime() + untilMs) {
    const { status } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true } });
    if (status === "PUBLISHED") return { dueAt, lateMs: Date.now() - dueAt.getTime() };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { dueAt, lateMs: null };
}
