/**
 * The cache channel's listener (cache-handlers/listener.cjs) against the test database: one LISTEN connection for
 * every subscriber, one per process even when the module is loaded twice (as Next bundles a copy of it), a catch-up
 * for each subscriber after every (re)connect, queries on it one at a time, and the connection closed when the last
 * subscriber leaves.
 */
import { createRequire } from "node:module";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { CACHE_CHANNEL, createListener, sharedListener, type CacheChannelSubscriber } from "@/cache-handlers/listener.cjs";
import { expireElsewhere, waitFor } from "../support/cache-tags";

const require = createRequire(import.meta.url);
const url = process.env.DATABASE_URL as string;
const admin = new pg.Client({ connectionString: url });
const adminReady = admin.connect();
const cleanups: (() => void)[] = [];
/** pg warns (once per process) when a query is sent while another runs on the client: pg 9 will refuse it. */
const warnings: string[] = [];
process.on("warning", (warning) => warnings.push(warning.message));

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
afterAll(() => admin.end());

/** Backends of this database under `name` that are LISTENing right now (idle connections of ours). */
async function backends(name: string): Promise<number[]> {
  await adminReady;
  const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [name]);
  return rows.map((r) => r.pid);
}

/** A subscriber that records what it is told, in one shared log. */
function recorder(label: string, log: string[]): CacheChannelSubscriber & { connects: number } {
  const subscriber = {
    connects: 0,
    onNotification: (payload: { tags?: unknown }) => void log.push(`${label}:${JSON.stringify(payload.tags)}`),
    onConnect: async (query: (sql: string) => Promise<{ rows: unknown[] }>) => {
      await query("SELECT 1");
      subscriber.connects++;
    },
    onDisconnect: () => void log.push(`${label}:lost`),
  };
  return subscriber;
}

/** A listener of its own under a unique name, with two recording subscribers, connected. */
async function listenerWithTwo(prefix: string) {
  const name = `${prefix}-${Date.now()}`;
  const listener = createListener(url, { applicationName: name });
  const log: string[] = [];
  const a = recorder("a", log);
  const b = recorder("b", log);
  cleanups.push(listener.subscribe(a), listener.subscribe(b));
  expect(await listener.ready()).toBe(true);
  return { name, listener, log, a, b };
}

describe("the cache channel's listener", () => {
  it("serves every subscriber from one connection and hands each notification to all of them in turn", async () => {
    const { name, log, a, b } = await listenerWithTwo("listener-test");
    expect([a.connects, b.connects]).toEqual([1, 1]);
    expect(await backends(name)).toHaveLength(1);

    await expireElsewhere(["listener:one"]);
    expect(await waitFor(async () => log.length === 2)).toBe(true);
    expect(log).toEqual(['a:["listener:one"]', 'b:["listener:one"]']);
  });

  it("is one per process and database even when the module is loaded again (Next bundles a copy of it)", async () => {
    const path = require.resolve("../../cache-handlers/listener.cjs");
    const first = require(path) as typeof import("@/cache-handlers/listener.cjs");
    delete require.cache[path];
    const copy = require(path) as typeof import("@/cache-handlers/listener.cjs");
    expect(copy.sharedListener).not.toBe(first.sharedListener);
    expect(copy.sharedListener(url)).toBe(first.sharedListener(url));
    expect(sharedListener(url)).toBe(first.sharedListener(url));
    expect(copy.CACHE_CHANNEL).toBe(CACHE_CHANNEL);

    const log: string[] = [];
    cleanups.push(first.sharedListener(url).subscribe(recorder("bundled", log)), copy.sharedListener(url).subscribe(recorder("runtime", log)));
    expect(await copy.sharedListener(url).ready()).toBe(true);
    expect(await backends(`dateline-listener pid ${process.pid}`)).toHaveLength(1);
  });

  it("catches up a subscriber that joins a live connection before ready() says so", async () => {
    const listener = createListener(url, { applicationName: `listener-late-${Date.now()}` });
    const log: string[] = [];
    cleanups.push(listener.subscribe(recorder("early", log)));
    expect(await listener.ready()).toBe(true);
    const late = recorder("late", log);
    cleanups.push(listener.subscribe(late));
    expect(await listener.ready()).toBe(true);
    expect(late.connects).toBe(1);
  });

  it("reconnects after losing its connection, catches every subscriber up again, and hears notifications again", async () => {
    const { name, listener, log, a, b } = await listenerWithTwo("listener-drop");
    const [before] = await backends(name);

    await admin.query("SELECT pg_terminate_backend($1)", [before]);
    expect(await waitFor(async () => log.includes("a:lost") && log.includes("b:lost"))).toBe(true);
    expect(listener.isConnected).toBe(false);
    expect(await waitFor(async () => a.connects === 2 && b.connects === 2, 5_000), "caught up again after the reconnect").toBe(true);
    const after = await backends(name);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);

    await expireElsewhere(["listener:after"]);
    expect(await waitFor(async () => log.includes('b:["listener:after"]'))).toBe(true);
  });

  it("drops and remakes the connection when a catch-up fails", async () => {
    const name = `listener-failing-${Date.now()}`;
    const listener = createListener(url, { applicationName: name });
    let attempts = 0;
    cleanups.push(
      listener.subscribe({
        onConnect: async (query) => {
          attempts++;
          if (attempts === 1) await query(`SELECT * FROM "NoSuchTable"`);
        },
      }),
    );
    expect(await listener.ready(), "the first attempt fails").toBe(false);
    expect(await waitFor(async () => attempts === 2 && listener.isConnected, 5_000)).toBe(true);
    expect(await backends(name)).toHaveLength(1);
  });

  it("closes the connection when the last subscriber leaves", async () => {
    const name = `listener-close-${Date.now()}`;
    const listener = createListener(url, { applicationName: name });
    const leaveA = listener.subscribe({});
    const leaveB = listener.subscribe({});
    expect(await listener.ready()).toBe(true);
    leaveA();
    expect(await backends(name)).toHaveLength(1);
    leaveB();
    expect(await waitFor(async () => (await backends(name)).length === 0)).toBe(true);
    expect(listener.isConnected).toBe(false);
  });

  it("runs the queries of its subscribers one after another on its connection, never two at once", async () => {
    const listener = createListener(url, { applicationName: `listener-serial-${Date.now()}` });
    const slow = { onConnect: (query: (sql: string) => Promise<unknown>) => query("SELECT pg_sleep(0.05)") };
    cleanups.push(listener.subscribe(slow), listener.subscribe({ ...slow }), listener.subscribe({ ...slow }));
    expect(await listener.ready()).toBe(true);
    const answers = await Promise.all([1, 2, 3].map((n) => listener.query<{ n: number }>("SELECT $1::int AS n, pg_sleep(0.02)", [n])));
    expect(answers.map((a) => a.rows[0]?.n)).toEqual([1, 2, 3]);
    // Over the whole file: catch-ups, reloads and queries in bursts, and not once a query sent while another ran.
    expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
  });
});
