/**
 * Per-minute request limits shared by every app instance, without a database write per request (decision 0030).
 *
 * The shared count of each bucket (an API key, a client address) lives in PostgreSQL, one row per bucket and fixed
 * window. Writing that row on every request made it the hottest row of the database: at 50 connections on one key
 * every API request queued for its lock. Here each process counts in memory and adds its hits to the row in one
 * batch every `flushMs`; the row's answer (everyone's hits) becomes the process's view of the others. A request is
 * counted straight in the row instead (exactly, as before) when it is the bucket's first in this window on this
 * process, or when the process's view is within `exactShare` of the limit, so small limits and keys near their
 * limit stay exact. One instance alone never admits more than the limit; with N instances a key can overshoot by at
 * most what the other instances admitted in memory during their last `flushMs` before the count neared the limit.
 *
 * Pure: the store (`add`) is passed in; lib/data/rate-limits.ts gives it PostgreSQL.
 */
export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  /** Requests left in this window (0 once refused). */
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
};

/** One batch of hits for a bucket's window; `add` answers the window's total after adding them (0: a newer window). */
export type Hits = { bucket: string; windowStart: Date; count: number };
export type AddHits = (hits: Hits[]) => Promise<Map<string, number>>;

/**
 * `shared`: the window's total as the store last answered; `pending`: hits counted here and not sent yet; `sending`:
 * hits sent and not answered yet; `exactUntil`: the count up to which hits may be counted in memory (0 until the
 * window's first exact count answers, which `opening` is).
 */
type Slot = { start: number; shared: number; pending: number; sending: number; exactUntil: number; opening: Promise<unknown> | null };

export type WindowCounterOptions = { windowMs: number; flushMs: number; add: AddHits; exactShare?: number; onError?: (error: unknown) => void };

/** The window of `now`: windows start on multiples of `windowMs` since the epoch. */
export function windowOf(now: number, windowMs: number): { start: number; resetMs: number } {
  const start = now - (now % windowMs);
  return { start, resetMs: start + windowMs - now };
}

/** Reads the result of one counted request: `count` is the request's place in its window. */
export function rateLimitResult(count: number, limit: number, resetMs: number): RateLimitResult {
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetMs };
}

export function createWindowCounter(options: WindowCounterOptions) {
  const { windowMs, flushMs, add } = options;
  const exactShare = options.exactShare ?? 0.1;
  const slots = new Map<string, Slot>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> | null = null;

  const slotFor = (bucket: string, start: number): Slot => {
    const slot = slots.get(bucket);
    if (slot && slot.start === start) return slot;
    // A new window; hits still pending for the old one are dropped, as that window no longer limits anyone.
    const fresh: Slot = { start, shared: 0, pending: 0, sending: 0, exactUntil: 0, opening: null };
    slots.set(bucket, fresh);
    return fresh;
  };

  async function flushNow(): Promise<void> {
    const batch: (Hits & { slot: Slot })[] = [];
    for (const [bucket, slot] of slots) {
      if (slot.pending > 0) batch.push({ bucket, windowStart: new Date(slot.start), count: slot.pending, slot });
      else if (slot.start + windowMs < Date.now()) slots.delete(bucket);
    }
    if (batch.length === 0) return;
    for (const hit of batch) {
      hit.slot.pending -= hit.count;
      hit.slot.sending += hit.count;
    }
    try {
      const totals = await add(batch.map(({ bucket, windowStart, count }) => ({ bucket, windowStart, count })));
      for (const hit of batch) hit.slot.shared = Math.max(hit.slot.shared, totals.get(hit.bucket) ?? 0);
    } catch (error) {
      // Kept for the next batch: a database that is down for a moment loses no hits.
      for (const hit of batch) hit.slot.pending += hit.count;
      options.onError?.(error);
    } finally {
      for (const hit of batch) hit.slot.sending -= hit.count;
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    flushing ??= flushNow().finally(() => {
      flushing = null;
      schedule();
    });
    return flushing;
  }

  function schedule() {
    if (timer || flushing) return;
    for (const slot of slots.values()) {
      if (slot.pending > 0) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref?.();
        return;
      }
    }
  }

  /** Counts one request against `bucket` (at most `limit` a window). */
  async function take(bucket: string, limit: number, now = Date.now()): Promise<RateLimitResult> {
    const { start, resetMs } = windowOf(now, windowMs);
    const slot = slotFor(bucket, start);
    if (slot.exactUntil === 0 && slot.opening) {
      // The window's first count is on its way: wait for it rather than send one more (a burst at start-up).
      await slot.opening.catch(() => {});
      return take(bucket, limit, now);
    }
    const estimate = slot.shared + slot.pending + slot.sending + 1;
    if (slot.exactUntil === 0 || estimate > slot.exactUntil) {
      // Exact: this request and whatever is pending go to the row now, and its answer is the count.
      const count = slot.pending + 1;
      slot.pending = 0;
      slot.sending += count;
      const adding = add([{ bucket, windowStart: new Date(start), count }]);
      if (slot.exactUntil === 0) slot.opening = adding;
      let total: number;
      try {
        total = (await adding).get(bucket) ?? count;
      } catch (error) {
        slot.pending += count;
        throw error;
      } finally {
        slot.sending -= count;
        slot.opening = null;
      }
      slot.shared = Math.max(slot.shared, total);
      slot.exactUntil = Math.floor(limit * (1 - exactShare));
      // A batch of this instance's own hits may still be on its way, and the row not count them yet: never answer
      // below what this instance has counted itself.
      return rateLimitResult(Math.max(total, estimate), limit, resetMs);
    }
    slot.pending++;
    schedule();
    return rateLimitResult(estimate, limit, resetMs);
  }

  return { take, flush, get size() { return slots.size; } };
}

export type WindowCounter = ReturnType<typeof createWindowCounter>;
