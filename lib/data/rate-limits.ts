/**
 * Request limits that every app instance shares: a fixed window per bucket (an API key, a client address, a
 * newsletter sign-up's hashed e-mail or client address) counted in PostgreSQL, so two instances behind a load balancer
 * see one count. The API's limits count in memory and add their hits in batches (lib/traffic/window-counter.ts: when
 * it is exact, and the bound when it is not; decision 0030); rare requests (a sign-up) count exactly, one upsert each
 * (takeRateLimit). Windows of up to an hour (the pruning below forgets older ones). The sign-in limits keep their own
 * table (./users/sign-in.ts) because they count failures over hours, not requests per minute.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { createWindowCounter, rateLimitResult, windowOf, type Hits, type RateLimitResult, type WindowCounter } from "@/lib/traffic/window-counter";

export type { RateLimitResult } from "@/lib/traffic/window-counter";

/** The length of every API limit's window. */
export const RATE_WINDOW_MS = 60_000;
/** How often a process adds the hits it counted in memory to the shared rows. */
const FLUSH_MS = 100;

/**
 * Adds hits to their buckets' windows in one statement and answers each window's total. A batch for a window that a
 * newer one has replaced in the row (a late flush) changes nothing and answers 0.
 */
export async function addRateLimitHits(hits: Hits[]): Promise<Map<string, number>> {
  if (hits.length === 0) return new Map();
  const rows = await getDb().$queryRaw<{ bucket: string; count: number }[]>`
    INSERT INTO "RateLimitWindow" (bucket, "windowStart", count)
    SELECT b, to_timestamp(s / 1000.0) AT TIME ZONE 'UTC', c
    FROM unnest(${hits.map((h) => h.bucket)}::text[], ${hits.map((h) => h.windowStart.getTime())}::float8[], ${hits.map((h) => h.count)}::int[]) AS h(b, s, c)
    ON CONFLICT (bucket) DO UPDATE SET
      count = CASE WHEN "RateLimitWindow"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitWindow".count + EXCLUDED.count ELSE EXCLUDED.count END,
      "windowStart" = EXCLUDED."windowStart"
    WHERE "RateLimitWindow"."windowStart" <= EXCLUDED."windowStart"
    RETURNING bucket, count`;
  // Now and then, forget windows long past: one row per address that ever called would otherwise pile up.
  if (Math.random() < 0.01) void pruneRateLimitWindows().catch(() => {});
  return new Map(rows.map((r) => [r.bucket, r.count]));
}

/** Counts one request against `bucket` (at most `limit` per `windowMs`, up to an hour), exactly: one upsert. */
export async function takeRateLimit(bucket: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const { start, resetMs } = windowOf(now, windowMs);
  const counts = await addRateLimitHits([{ bucket, windowStart: new Date(start), count: 1 }]);
  return rateLimitResult(counts.get(bucket) ?? 1, limit, resetMs);
}

/** Deletes the windows that ended more than an hour ago. */
export async function pruneRateLimitWindows(now = Date.now()): Promise<number> {
  const { count } = await getDb().rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now - 3_600_000) } } });
  return count;
}

const COUNTER = Symbol.for("dateline.rate-counter");

/**
 * The process's one counter. On globalThis because Next bundles the API's front (instrumentation) and its route
 * handlers separately, and a key counted in two counters would get twice its limit.
 */
export function rateCounter(): WindowCounter {
  const global = globalThis as typeof globalThis & { [COUNTER]?: WindowCounter };
  return (global[COUNTER] ??= createWindowCounter({
    windowMs: RATE_WINDOW_MS,
    flushMs: FLUSH_MS,
    add: addRateLimitHits,
    onError: (error) => console.error("[dateline] rate limits: could not add hits:", error instanceof Error ? error.message : error),
  }));
}
