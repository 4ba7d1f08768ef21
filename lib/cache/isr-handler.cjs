/**
 * Next's server cache handler (`cacheHandler` in next.config.ts): ISR pages, route handlers and `unstable_cache`
 * data. Why our own (docs/decisions/0004-public-page-cache.md):
 *
 * - Invalidation must cross processes. A publish can happen in any app instance, in the scheduler, or in a script;
 *   the data layer records the expired tags in PostgreSQL ("CacheTag") in the same transaction as the change and
 *   NOTIFYs channel `dateline_cache_tags`. Every instance LISTENs, so a published change is visible everywhere
 *   within milliseconds, and an instance that lost its connection catches up from the table when it reconnects.
 * - Entries live behind a small store interface (get/set/delete): process memory (bounded LRU) by default; with
 *   REDIS_URL set, Redis shared by every instance with this process's memory in front (lib/cache/redis-store.cjs),
 *   which keeps serving from memory while Redis is unreachable. Tag expiry stays in PostgreSQL either way.
 *
 * Plain CommonJS because Next loads it at run time, outside the bundle. It never throws into a request: on any error
 * it answers "miss", and the page renders fresh.
 */
"use strict";

const pg = require("pg");
const { addPublicPageCsp } = require("./page-csp.cjs");

const CHANNEL = "dateline_cache_tags";
/** Entries are stamped this much earlier than their write, so a change committed while a page was rendering (with
 * the old data) still expires it. Costs at most one extra render after an invalidation. */
const RENDER_MARGIN_MS = 2_000;
const MAX_ENTRIES = Number.parseInt(process.env.DATELINE_CACHE_MAX_ENTRIES || "20000", 10);

/** In-process store: a Map used as an LRU. */
class MemoryStore {
  constructor(maxEntries) {
    this.maxEntries = maxEntries;
    this.map = new Map();
  }
  async get(key) {
    const entry = this.map.get(key);
    if (entry) {
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry;
  }
  async set(key, entry) {
    this.map.delete(key);
    this.map.set(key, entry);
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value);
  }
  async delete(key) {
    this.map.delete(key);
  }
}

/** Process-wide state: Next creates a handler object per request, so nothing lives on the instance. */
function createStore() {
  const local = new MemoryStore(MAX_ENTRIES);
  const url = process.env.REDIS_URL;
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return local;
  const { RedisStore } = require("./redis-store.cjs");
  return new RedisStore(url, local);
}

const state = (globalThis.__datelineCache ??= {
  store: createStore(),
  expiry: new Map(), // tag -> epoch ms when it last expired
  listener: null,
  connecting: null,
  lastSyncAt: 0,
});

function noteExpired(tags, at) {
  for (const tag of tags) {
    if ((state.expiry.get(tag) ?? 0) < at) state.expiry.set(tag, at);
  }
}

async function catchUp(client) {
  const since = new Date(Math.max(0, state.lastSyncAt - 60_000));
  const { rows } = await client.query(
    `SELECT tag, (extract(epoch from "expiredAt") * 1000)::float8 AS at FROM "CacheTag" WHERE "expiredAt" > $1`,
    [since],
  );
  for (const row of rows) noteExpired([row.tag], row.at);
  state.lastSyncAt = Date.now();
}

function connectListener() {
  const url = process.env.DATABASE_URL;
  if (!url || state.listener || state.connecting) return;
  state.connecting = (async () => {
    const client = new pg.Client({ connectionString: url, application_name: "dateline-cache-listener", connectionTimeoutMillis: 3_000 });
    client.on("notification", (message) => {
      try {
        const payload = JSON.parse(message.payload || "{}");
        // Public reads go to the primary before any page of these tags can render again, until the read replicas
        // have replayed this commit (lib/db/replica-router.ts; absent when no replica is configured).
        globalThis.__datelineReplicaFence?.noteCommit();
        if (Array.isArray(payload.tags)) noteExpired(payload.tags, Number(payload.at) || Date.now());
      } catch {
        /* a malformed payload is ignored */
      }
    });
    const reconnect = () => {
      if (state.listener === client) state.listener = null;
      client.end().catch(() => {});
      setTimeout(connectListener, 1_000).unref();
    };
    client.on("error", reconnect);
    client.on("end", () => {
      if (state.listener === client) reconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      await catchUp(client);
      state.listener = client;
    } catch {
      client.end().catch(() => {});
      setTimeout(connectListener, 1_000).unref();
    }
  })().finally(() => {
    state.connecting = null;
  });
}

function entryTags(entry, ctx) {
  const tags = [];
  const header = entry?.value?.headers?.["x-next-cache-tags"];
  if (typeof header === "string" && header) tags.push(...header.split(","));
  if (Array.isArray(entry?.tags)) tags.push(...entry.tags);
  if (ctx && Array.isArray(ctx.tags)) tags.push(...ctx.tags);
  if (ctx && Array.isArray(ctx.softTags)) tags.push(...ctx.softTags);
  return tags;
}

function isExpired(entry, ctx) {
  for (const tag of entryTags(entry, ctx)) {
    const at = state.expiry.get(tag);
    if (at !== undefined && at > entry.lastModified) return true;
  }
  return false;
}

async function publishExpiry(tags) {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(
      `WITH t AS (
         INSERT INTO "CacheTag" (tag, "expiredAt") SELECT unnest($1::text[]), clock_timestamp()
         ON CONFLICT (tag) DO UPDATE SET "expiredAt" = EXCLUDED."expiredAt" RETURNING 1)
       SELECT pg_notify($2, json_build_object('tags', $1::text[], 'at', extract(epoch from clock_timestamp()) * 1000)::text)`,
      [tags, CHANNEL],
    );
  } catch {
    /* other instances fall back to their safety-net revalidation time */
  } finally {
    client.end().catch(() => {});
  }
}

class DatelineCacheHandler {
  constructor() {
    connectListener();
  }

  async get(key, ctx) {
    try {
      const entry = await state.store.get(key);
      if (!entry) return null;
      if (isExpired(entry, ctx)) {
        await state.store.delete(key);
        return null;
      }
      return entry;
    } catch {
      return null;
    }
  }

  async set(key, data, ctx) {
    try {
      if (!data) {
        await state.store.delete(key);
        return;
      }
      // Changes data.headers in place: the response that stored the page is sent with that same object.
      addPublicPageCsp(data);
      await state.store.set(key, {
        value: data,
        lastModified: Date.now() - RENDER_MARGIN_MS,
        cacheControl: ctx && !ctx.fetchCache ? ctx.cacheControl : undefined,
        tags: ctx && Array.isArray(ctx.tags) ? ctx.tags : [],
      });
    } catch {
      /* a failed write only costs a render */
    }
  }

  /** Called by Next for revalidateTag/revalidatePath in this process: expire here now, and tell every instance. */
  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter((t) => typeof t === "string" && t.length > 0);
    if (list.length === 0) return;
    noteExpired(list, Date.now());
    await publishExpiry(list);
  }

  resetRequestCache() {}
}

module.exports = DatelineCacheHandler;
module.exports.MemoryStore = MemoryStore;
module.exports.default = DatelineCacheHandler;
