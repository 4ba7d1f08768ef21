/**
 * The in-memory counting of per-minute limits (lib/traffic/window-counter.ts) against a store that behaves like the
 * PostgreSQL rows (one count per bucket and window, a late batch for an older window ignored): one instance never
 * admits more than the limit, however many requests race; two instances overshoot by at most what they counted in
 * memory between batches; hits a failed batch could not add are kept for the next one.
 */
import { describe, expect, it } from "vitest";
import { createWindowCounter, type Hits } from "@/lib/traffic/window-counter";

function sharedRows(options: { failures?: number; delayMs?: (hits: Hits[]) => number } = {}) {
  const rows = new Map<string, { start: number; count: number }>();
  let failures = options.failures ?? 0;
  let statements = 0;
  const add = async (hits: Hits[]) => {
    statements++;
    await new Promise((resolve) => setTimeout(resolve, options.delayMs?.(hits) ?? 1));
    if (failures > 0) {
      failures--;
      throw new Error("database unavailable");
    }
    const totals = new Map<string, number>();
    for (const hit of hits) {
      const row = rows.get(hit.bucket);
      const start = hit.windowStart.getTime();
      if (row && row.start > start) continue;
      const count = row && row.start === start ? row.count + hit.count : hit.count;
      rows.set(hit.bucket, { start, count });
      totals.set(hit.bucket, count);
    }
    return totals;
  };
  return { rows, add, get statements() { return statements; } };
}

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("window counter", () => {
  it("admits exactly the limit on one instance when many requests race, with far fewer writes than requests", async () => {
    const store = sharedRows();
    const counter = createWindowCounter({ windowMs: 60_000, flushMs: 5, add: store.add });
    const results = await Promise.all(Array.from({ length: 1500 }, (_, i) => counter.take("key:a", 1000, NOW + i)));
    expect(results.filter((r) => r.allowed)).toHaveLength(1000);
    await counter.flush();
    expect(store.rows.get("key:a")?.count).toBe(1500);
    expect(store.statements).toBeLessThan(700);
  });

  it("lets two instances overshoot by no more than what they counted in memory between batches", async () => {
    const store = sharedRows();
    const [a, b] = [0, 1].map(() => createWindowCounter({ windowMs: 60_000, flushMs: 1_000_000, add: store.add }));
    let admitted = 0;
    // Each instance takes 40 requests between batches, in turns, until both are refused.
    for (let round = 0; round < 20; round++) {
      for (const counter of [a!, b!]) {
        for (let i = 0; i < 40; i++) if ((await counter.take("key:b", 1000, NOW)).allowed) admitted++;
        await counter.flush();
      }
    }
    expect(admitted).toBeGreaterThanOrEqual(1000);
    expect(admitted).toBeLessThanOrEqual(1000 + 40);
  });

  it("starts each window afresh and keeps hits a failed batch could not add", async () => {
    const store = sharedRows();
    const counter = createWindowCounter({ windowMs: 60_000, flushMs: 1_000_000, add: store.add });
    expect(await counter.take("ip:1", 2, NOW)).toMatchObject({ allowed: true, remaining: 1, resetMs: 60_000 });
    expect(await counter.take("ip:1", 2, NOW + 1)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await counter.take("ip:1", 2, NOW + 2)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await counter.take("ip:1", 2, NOW + 60_000)).toMatchObject({ allowed: true, remaining: 1, resetMs: 60_000 });

    const flaky = sharedRows({ failures: 1 });
    const later = createWindowCounter({ windowMs: 60_000, flushMs: 1_000_000, add: flaky.add });
    await later.take("key:c", 100, NOW).catch(() => {});
    expect(await later.take("key:c", 100, NOW)).toMatchObject({ allowed: true, remaining: 98 });
    expect(flaky.rows.get("key:c")?.count).toBe(2);
  });

  it("never answers below what it has counted itself while a batch of its own is still on its way", async () => {
    // A batch of many hits is slow to land; a single exact count overtakes it. The row then says less than this
    // instance knows, and the answer must not take the row's word for it.
    const store = sharedRows({ delayMs: (hits) => (hits.some((h) => h.count > 1) ? 50 : 1) });
    const counter = createWindowCounter({ windowMs: 60_000, flushMs: 1_000_000, add: store.add });
    const answers = [];
    for (let i = 0; i < 27; i++) answers.push(await counter.take("key:d", 30, NOW));
    const landing = counter.flush(); // 26 hits on their way
    for (let i = 0; i < 10; i++) answers.push(await counter.take("key:d", 30, NOW));
    await landing;
    expect(answers.filter((a) => a.allowed)).toHaveLength(30);
  });
});
