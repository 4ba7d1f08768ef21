/**
 * The `'use cache'` handler (cache-handlers/use-cache-handler.cjs) against the Next 16 CacheHandler contract, with real
 * servers: a redis-server started here and the test PostgreSQL. Two handlers, each with its own memory and its own
 * LISTEN connection (cache-handlers/tag-expiry.cjs), play two app instances sharing one Redis: an entry one writes the
 * other serves, and a tag one expires (updateTags → CacheTag + NOTIFY) the other stops serving.
 */
import { createRequire } from "node:module";
import pg from "pg";
import Redis from "ioredis";
import { expireElsewhere, waitFor } from "../support/cache-tags";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../support/redis-server";
import { CACHE_CHANNEL, createListener } from "@/cache-handlers/listener.cjs";

// Tags of this file only: the shared test database's CacheTag rows hold "home" and "latest" as other files expired
// them moments ago, which would (rightly) expire entries stamped before that.
const RUN = `${Date.now().toString(36)}`;
const HOME = `home-${RUN}`;
const LATEST = `latest-${RUN}`;

const require = createRequire(import.meta.url);
process.env.DATELINE_CACHE_QUIET = "1"; // handlers closed at the end would each log "Redis unreachable"

type CacheEntry = { value: ReadableStream<Uint8Array>; tags: string[]; stale: number; timestamp: number; expire: number; revalidate: number };
type Handler = {
  get(cacheKey: string, softTags: string[]): Promise<CacheEntry | undefined>;
  set(cacheKey: string, pendingEntry: Promise<CacheEntry>): Promise<void>;
  refreshTags(): Promise<void>;
  getExpiration(tags: string[]): Promise<number>;
  updateTags(tags: string[], durations?: { expire?: number }): Promise<void>;
  close(): void;
};
type TagExpiry = { state: { isListening: boolean; lastSyncAt: number }; close(): void };

const { createUseCacheHandler } = require("../../cache-handlers/use-cache-handler.cjs") as {
  createUseCacheHandler(o: { redisUrl?: string; tagExpiry?: TagExpiry; maxEntries?: number; keyPrefix?: string }): Handler;
};
const processHandler = require("../../cache-handlers/use-cache-handler.cjs") as Handler;
const IsrHandler = require("../../cache-handlers/isr-handler.cjs") as new () => {
  revalidateTag(tags: string[]): Promise<void>;
};
const { createTagExpiry: createTagExpiryWith } = require("../../cache-handlers/tag-expiry.cjs") as { createTagExpiry(o?: object): TagExpiry };
/** Another app instance's tag expiry: its own LISTEN connection, not this process's shared one. */
const createTagExpiry = () => createTagExpiryWith({ listener: (url: string) => createListener(url) });

const PREFIX = "dateline:use-cache:";
const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A CacheEntry as Next hands it over: its value arrives in several chunks. */
function entry(text: string, overrides: Partial<Omit<CacheEntry, "value">> & { chunks?: number } = {}): CacheEntry {
  const bytes = new TextEncoder().encode(text);
  const parts = overrides.chunks ?? 3;
  const size = Math.ceil(bytes.length / parts) || 1;
  return {
    value: new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    }),
    tags: overrides.tags ?? [],
    stale: overrides.stale ?? 30,
    timestamp: overrides.timestamp ?? Date.now(),
    expire: overrides.expire ?? 3600,
    revalidate: overrides.revalidate ?? 900,
  };
}

const text = async (e: CacheEntry | undefined) => (e ? new TextDecoder().decode(new Uint8Array(await new Response(e.value).arrayBuffer())) : undefined);

let redis: TestRedis;
let probe: Redis;
const closers: (() => unknown)[] = [];

/** One "app instance": its own memory, its own LISTEN connection, the shared Redis. */
async function instance(redisUrl?: string) {
  const tagExpiry = createTagExpiry();
  const handler = createUseCacheHandler({ redisUrl: redisUrl ?? redis.url, tagExpiry, maxEntries: 100 });
  closers.push(() => handler.close(), () => tagExpiry.close());
  await handler.refreshTags(); // as Next does before a request's first read: LISTENing and caught up
  expect(tagExpiry.state.isListening, "LISTEN connection up").toBe(true);
  return { handler, tagExpiry };
}

beforeAll(async () => {
  redis = await startTestRedis();
  probe = new Redis(redis.url);
  await waitFor(async () => probe.status === "ready", 5_000);
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  probe?.disconnect();
  await redis?.stop();
  const shared = (globalThis as { __datelineCache?: { tagExpiry?: TagExpiry } }).__datelineCache?.tagExpiry;
  await shared?.close();
});

describe("'use cache' handler: entries", () => {
  it("round-trips a streamed entry: every get returns a fresh stream over the same bytes, and the other instance reads it from Redis", async () => {
    const a = await instance();
    const b = await instance();
    const key = unique("round-trip");
    const body = `<p>caf\u00e9 ${"x".repeat(5_000)}</p>`;
    await a.handler.set(key, Promise.resolve(entry(body, { tags: [HOME, LATEST], stale: 30, revalidate: 900, expire: 3600, chunks: 7 })));

    const first = await a.handler.get(key, []);
    expect(first).toMatchObject({ tags: [HOME, LATEST], stale: 30, revalidate: 900, expire: 3600 });
    expect(first!.value).toBeInstanceOf(ReadableStream);
    expect(await text(first)).toBe(body);
    expect(await text(await a.handler.get(key, [])), "a second get is not an already-read stream").toBe(body);

    // B has nothing in its own memory: the entry can only have come from Redis, under the 'use cache' prefix.
    const fromB = await b.handler.get(key, []);
    expect(fromB?.timestamp).toBe(first!.timestamp);
    expect(await text(fromB)).toBe(body);
    expect(await probe.exists(PREFIX + key)).toBe(1);
    expect(await probe.exists(`dateline:isr:${key}`)).toBe(0);
  });

  it("answers undefined for what was never stored, and keeps nothing of a stream that errors", async () => {
    const { handler } = await instance();
    expect(await handler.get(unique("never"), [])).toBeUndefined();

    const key = unique("errored");
    const broken: CacheEntry = {
      ...entry(""),
      value: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("<p>half"));
          controller.error(new Error("render failed"));
        },
      }),
    };
    await expect(handler.set(key, Promise.resolve(broken))).resolves.toBeUndefined();
    await expect(handler.set(unique("rejected"), Promise.reject(new Error("no entry")))).resolves.toBeUndefined();
    expect(await handler.get(key, [])).toBeUndefined();
    expect(await probe.exists(PREFIX + key)).toBe(0);
  });

  it("a get during a pending set waits for it instead of missing", async () => {
    const { handler } = await instance();
    const key = unique("pending");
    let resolveEntry: (e: CacheEntry) => void = () => {};
    const setting = handler.set(key, new Promise<CacheEntry>((resolve) => (resolveEntry = resolve)));
    const reading = handler.get(key, []);
    await sleep(50);
    resolveEntry(entry("<p>late</p>"));
    await setting;
    expect(await text(await reading)).toBe("<p>late</p>");
  });

  it("honours revalidate and expire like Next's built-in handler, and gives Redis a matching TTL", async () => {
    const { handler } = await instance();
    const now = Date.now();
    const fresh = unique("fresh");
    const pastRevalidate = unique("past-revalidate");
    const dynamic = unique("expire-0");
    const evicted = unique("expire-negative");
    await handler.set(fresh, Promise.resolve(entry("<p>fresh</p>", { timestamp: now - 50_000, revalidate: 60, expire: 600 })));
    await handler.set(pastRevalidate, Promise.resolve(entry("<p>old</p>", { timestamp: now - 70_000, revalidate: 60, expire: 600 })));
    await handler.set(dynamic, Promise.resolve(entry("<p>dynamic</p>", { revalidate: 0, expire: 0 })));
    await handler.set(evicted, Promise.resolve(entry("<p>evicted</p>", { expire: -1 })));

    expect(await text(await handler.get(fresh, []))).toBe("<p>fresh</p>");
    expect(await handler.get(pastRevalidate, []), "production drops an entry past its revalidate time").toBeUndefined();
    expect(await handler.get(dynamic, []), "expire: 0 is regenerated on every read, never stored").toBeUndefined();
    expect(await probe.exists(PREFIX + dynamic)).toBe(0);
    expect(await handler.get(evicted, []), "a negative expire is an eviction").toBeUndefined();

    // Redis forgets the entry when it stops being servable (about 10 s from now), not after the 7-day default.
    const ttl = await probe.pttl(PREFIX + fresh);
    expect(ttl).toBeGreaterThan(5_000);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  it("on the dev server serves past revalidate until expire (at least 5 minutes), as Next's handler does", async () => {
    const { handler } = await instance();
    const key = unique("dev");
    const before = process.env.__NEXT_DEV_SERVER;
    process.env.__NEXT_DEV_SERVER = "1";
    try {
      await handler.set(key, Promise.resolve(entry("<p>dev</p>", { timestamp: Date.now() - 70_000, revalidate: 60, expire: 120 })));
      expect(await text(await handler.get(key, []))).toBe("<p>dev</p>");
    } finally {
      if (before === undefined) delete process.env.__NEXT_DEV_SERVER;
      else process.env.__NEXT_DEV_SERVER = before;
    }
    expect(await handler.get(key, []), "the same entry in production: past revalidate").toBeUndefined();
  });
});

describe("'use cache' handler: tags across instances", () => {
  it("a tag expired with updateTags on instance A is expired on instance B (PostgreSQL NOTIFY), other tags untouched", async () => {
    const a = await instance();
    const b = await instance();
    const tag = unique("article:water");
    const expiring = unique("expiring");
    const other = unique("other");
    await a.handler.set(expiring, Promise.resolve(entry("<p>v1</p>", { tags: [HOME, tag], timestamp: Date.now() - 5_000 })));
    await a.handler.set(other, Promise.resolve(entry("<p>other</p>", { tags: [HOME], timestamp: Date.now() - 5_000 })));
    // B now holds both in its own memory: only the NOTIFY can tell it the first one is out of date.
    expect(await text(await b.handler.get(expiring, []))).toBe("<p>v1</p>");
    expect(await text(await b.handler.get(other, []))).toBe("<p>other</p>");

    await a.handler.updateTags([tag]);
    expect(await a.handler.get(expiring, []), "expired at once where it was expired").toBeUndefined();
    expect(await waitFor(async () => (await b.handler.get(expiring, [])) === undefined), "expired on B").toBe(true);
    expect(await text(await b.handler.get(other, []))).toBe("<p>other</p>");

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM "CacheTag" WHERE tag = $1`, [tag]);
    await client.end();
    expect(rowCount, "recorded for instances that were not listening").toBe(1);
  });

  it("revalidateTag(tag, profile) (durations given) expires at once too, like the ISR handler", async () => {
    const a = await instance();
    const b = await instance();
    const tag = unique("section:news");
    const key = unique("durations");
    await a.handler.set(key, Promise.resolve(entry("<p>x</p>", { tags: [tag], timestamp: Date.now() - 5_000 })));
    expect(await b.handler.get(key, [])).toBeDefined();
    await a.handler.updateTags([tag], { expire: 3600 });
    expect(await a.handler.get(key, [])).toBeUndefined();
    expect(await waitFor(async () => (await b.handler.get(key, [])) === undefined)).toBe(true);
  });

  it("a tag expired by another process (the data layer's transaction) expires the entry on every instance", async () => {
    const a = await instance();
    const b = await instance();
    const tag = unique("author:ana");
    const key = unique("elsewhere");
    await a.handler.set(key, Promise.resolve(entry("<p>by ana</p>", { tags: [tag], timestamp: Date.now() - 5_000 })));
    expect(await b.handler.get(key, [])).toBeDefined();
    await expireElsewhere([unique("unrelated")]);
    await sleep(200);
    expect(await a.handler.get(key, []), "an unrelated tag leaves it alone").toBeDefined();
    await expireElsewhere([tag]);
    expect(await waitFor(async () => (await a.handler.get(key, [])) === undefined)).toBe(true);
    expect(await waitFor(async () => (await b.handler.get(key, [])) === undefined)).toBe(true);
  });

  it("an entry made within the render margin after its tag expired is not trusted; one made well after is served", async () => {
    const { handler } = await instance();
    const tag = unique("tag:margin");
    await handler.updateTags([tag]);
    const justAfter = unique("just-after");
    await handler.set(justAfter, Promise.resolve(entry("<p>maybe old data</p>", { tags: [tag], timestamp: Date.now() + 500 })));
    expect(await handler.get(justAfter, [])).toBeUndefined();
    const wellAfter = unique("well-after");
    await handler.set(wellAfter, Promise.resolve(entry("<p>new data</p>", { tags: [tag], timestamp: Date.now() + 2_500 })));
    expect(await text(await handler.get(wellAfter, []))).toBe("<p>new data</p>");
  });

  it("soft tags (revalidatePath): checked in get, so getExpiration answers Infinity", async () => {
    const a = await instance();
    const b = await instance();
    const path = unique("_N_T_/news/water");
    const layout = unique("_N_T_/layout");
    const key = unique("soft");
    await a.handler.set(key, Promise.resolve(entry("<p>soft</p>", { tags: [HOME], timestamp: Date.now() - 5_000 })));
    expect(await b.handler.getExpiration([path, layout])).toBe(Infinity);
    expect(await b.handler.get(key, [path, layout])).toBeDefined();

    await a.handler.updateTags([path]);
    expect(await waitFor(async () => (await b.handler.get(key, [path, layout])) === undefined), "stale for that path on B").toBe(true);
    expect(await text(await b.handler.get(key, [unique("_N_T_/other")])), "another path still uses it").toBe("<p>soft</p>");
    expect(await text(await b.handler.get(key, []))).toBe("<p>soft</p>");
  });

  it("refreshTags: a process that just started learns what expired before it started, before it serves a shared entry", async () => {
    const a = await instance();
    const tag = unique("article:before-start");
    const key = unique("before-start");
    await a.handler.set(key, Promise.resolve(entry("<p>old</p>", { tags: [tag], timestamp: Date.now() - 10_000 })));
    await expireElsewhere([tag]);

    const tagExpiry = createTagExpiry();
    const fresh = createUseCacheHandler({ redisUrl: redis.url, tagExpiry, maxEntries: 10 });
    closers.push(() => fresh.close(), () => tagExpiry.close());
    expect(tagExpiry.state.lastSyncAt).toBe(0);
    await fresh.refreshTags();
    expect(tagExpiry.state.lastSyncAt).toBeGreaterThan(0);
    expect(await fresh.get(key, [])).toBeUndefined();
  });

  it("the app's handler shares the ISR handler's tag expiry: revalidateTag through the ISR handler expires 'use cache' entries", async () => {
    const tag = unique("home-shared");
    const key = unique("shared-map");
    await processHandler.set(key, Promise.resolve(entry("<p>page data</p>", { tags: [tag], timestamp: Date.now() - 5_000 })));
    expect(await processHandler.get(key, [])).toBeDefined();
    await new IsrHandler().revalidateTag([tag]);
    expect(await processHandler.get(key, [])).toBeUndefined();
  });
});

describe("one revalidation, two handlers", () => {
  it("Next announces a revalidation to both handlers at once: PostgreSQL is written and NOTIFYed once", async () => {
    const tag = unique("tag:once");
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    let seen = 0;
    listener.on("notification", (m) => {
      if ((m.payload ?? "").includes(tag)) seen++;
    });
    try {
      await listener.query(`LISTEN ${CACHE_CHANNEL}`);
      // What next/dist/server/revalidation-utils.js does for revalidateTag/revalidatePath: updateTags on each
      // `cacheHandlers` handler and revalidateTag on the incremental cache (our ISR handler), concurrently.
      await Promise.all([processHandler.updateTags([tag]), new IsrHandler().revalidateTag([tag])]);
      await sleep(300);
      expect(seen).toBe(1);
      await processHandler.updateTags([tag]);
      await sleep(300);
      expect(seen, "a later revalidation is a new one").toBe(2);
    } finally {
      await listener.end();
    }
  });
});

describe("'use cache' handler when Redis is down", () => {
  it("get/set never throw, answer fast, and this instance's memory keeps serving", async () => {
    const own = await startTestRedis();
    try {
      const a = await instance(own.url);
      const b = await instance(own.url);
      const key = unique("survives");
      const tag = unique("section:down");
      await a.handler.set(key, Promise.resolve(entry("<p>kept</p>", { tags: [tag], timestamp: Date.now() - 5_000 })));
      expect(await text(await b.handler.get(key, []))).toBe("<p>kept</p>"); // B's memory holds it now too

      await own.stop();
      const started = Date.now();
      expect(await text(await a.handler.get(key, []))).toBe("<p>kept</p>");
      expect(await text(await b.handler.get(key, []))).toBe("<p>kept</p>");
      const written = unique("written-while-down");
      await expect(a.handler.set(written, Promise.resolve(entry("<p>local only</p>")))).resolves.toBeUndefined();
      expect(await text(await a.handler.get(written, []))).toBe("<p>local only</p>");
      expect(await b.handler.get(written, []), "B cannot see it, and says so without throwing").toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1_000);

      // Tags still travel through PostgreSQL while Redis is away.
      await a.handler.updateTags([tag]);
      expect(await waitFor(async () => (await b.handler.get(key, [])) === undefined)).toBe(true);
    } finally {
      await own.stop();
    }
  });
});
