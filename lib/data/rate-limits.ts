/**
 * Request limits that every app instance shares: a fixed window per bucket (an API key, a client address, a
 * newsletter sign-up's hashed e-mail or client address) counted in PostgreSQL with one upsert, so two instances
 * behind a load balancer see one count. Windows of up to an hour (the pruning below forgets older ones). The sign-in limits keep
 * their own table (./users/sign-in.ts) because they count failures over hours, not requests per minute.
 */
import "server-only";
import { getDb } from "@/lib/db";

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  /** Requests left in this window (0 once refused). */
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
};

/** The window of `now` for a bucket: windows start on multiples of `windowMs` since the epoch. */
export function windowOf(now: number, windowMs: number): { start: Date; resetMs: number } {
  const start = now - (now % windowMs);
  return { start: new Date(start), resetMs: start + windowMs - now };
}

/** Reads the result of one counted request: `count` is the request's place in its window. */
export function rateLimitResult(count: number, limit: number, resetMs: number): RateLimitResult {
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetMs };
}

/** Counts one request against `bucket` (at most `limit` per `windowMs`). */
export async function takeRateLimit(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const { start, resetMs } = windowOf(now, windowMs);
  const [row] = await getDb().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitWindow" (bucket, "windowStart", count) VALUES (${bucket}, ${start}, 1)
    ON CONFLICT (bucket) DO UPDATE SET
      count = CASE WHEN "RateLimitWindow"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitWindow".count + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING count`;
  // Now and then, forget windows long past: one row per address that ever called would otherwise pile up.
  if (Math.random() < 0.01) void pruneRateLimitWindows(now).catch(() => {});
  return rateLimitResult(row?.count ?? 1, limit, resetMs);
}

/** Deletes the windows that ended more than an hour ago. */
export async function pruneRateLimitWindows(now = Date.now()): Promise<number> {
  const { count } = await getDb().rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now - 3_600_000) } } });
  return count;
}
