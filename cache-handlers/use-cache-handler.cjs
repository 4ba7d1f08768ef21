/**
 * Next's `cacheHandlers` (next.config.ts: `default` for `'use cache'`, `remote` for `'use cache: remote'`): the
 * Next 16 CacheHandler interface (get, set, refreshTags, getExpiration, updateTags) over the same two things the ISR
 * handler (cache-handlers/isr-handler.cjs) uses, so that a tag expired on one instance is expired on all of them for
 * `'use cache'` entries too:
 *
 * - Entries: with REDIS_URL, Redis shared by every instance (cache-handlers/redis-store.cjs, key prefix
 *   `dateline:use-cache:`, this process's memory LRU in front, fail-fast while Redis is away); else process memory.
 *   Next hands over each value as a one-shot ReadableStream: it is buffered to bytes for storage, and every hit gets
 *   a fresh stream over them.
 * - Tag expiry: PostgreSQL `CacheTag` + `NOTIFY dateline_cache_tags` (cache-handlers/tag-expiry.cjs), the very same
 *   process-wide map and LISTEN connection as the ISR handler. Nothing about tags is kept in Redis.
 *
 * Timing follows Next's built-in handler (next/dist/server/lib/cache-handlers/default.js): in production an entry is
 * served until `revalidate` seconds after its `timestamp` (the dev server: until `expire`, at least 5 minutes), an
 * `expire: 0` entry is not stored, a negative `expire` is a miss. Choices of ours (docs/decisions/0008-use-cache-handler.md):
 * every tag invalidation is immediate, `revalidateTag(tag, "max")` included, as it is for the ISR handler; soft tags
 * (revalidatePath) are checked in `get` against the shared map (getExpiration answers Infinity); an entry counts as
 * made RENDER_MARGIN_MS before its timestamp, like ISR entries.
 *
 * Plain CommonJS, loaded by Next at run time outside the bundle (the module's export is the handler object). It never
 * throws into a request: errors are misses, failed writes cost a render.
 */
"use strict";

const { MemoryStore } = require("./memory-store.cjs");
const { RENDER_MARGIN_MS, sharedTagExpiry } = require("./tag-expiry.cjs");

const MIN_DEV_RETENTION_S = 300; // next/dist/server/use-cache/constants.js MIN_PRERENDERABLE_EXPIRE
const FIRST_SYNC_WAIT_MS = 1_000;

/** Whether Next's dev server runs us (it keeps entries longer so reloads hit). */
const isDevServer = () => Boolean(process.env.__NEXT_DEV_SERVER);

/** How long after its timestamp a stored entry may still be served, in ms (<= 0: never). */
function servableForMs(entry) {
  const seconds = isDevServer() ? Math.max(entry.expire, MIN_DEV_RETENTION_S) : entry.revalidate;
  return seconds * 1000;
}

async function streamToBuffer(stream) {
  const chunks = [];
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

function streamFromBuffer(bytes) {
  return new ReadableStream({
    start(controller) {
      // A copy: whatever a reader does with the chunk cannot reach the stored bytes.
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

/** JSON (Redis) has no Infinity: stored as null, read back as Infinity. */
const toJsonNumber = (n) => (Number.isFinite(n) ? n : null);
const fromJsonNumber = (n) => (n === null || n === undefined ? Infinity : Number(n));

/**
 * @param {object} [options]
 * @param {string} [options.redisUrl] entries in Redis (shared) when set, else in this process's memory only
 * @param {ReturnType<import("./tag-expiry.cjs").createTagExpiry>} [options.tagExpiry] default: the process-wide one
 * @param {number} [options.maxEntries] size of the local LRU
 * @param {string} [options.keyPrefix] Redis key prefix
 */
function createUseCacheHandler(options = {}) {
  const tagExpiry = options.tagExpiry ?? sharedTagExpiry();
  const local = new MemoryStore(options.maxEntries ?? 5_000);
  let store = local;
  if (options.redisUrl) {
    const { RedisStore } = require("./redis-store.cjs");
    store = new RedisStore(options.redisUrl, local, { prefix: options.keyPrefix ?? "dateline:use-cache:", label: "'use cache'" });
  }
  /** cacheKey -> promise of the set in progress: a get waits for it rather than missing (the interface asks it). */
  const pendingSets = new Map();

  const isTagExpired = (tags, timestamp) => tagExpiry.isExpiredAfter(tags, timestamp - RENDER_MARGIN_MS);

  const handler = {
    async get(cacheKey, softTags) {
      try {
        tagExpiry.connectListener();
        const pending = pendingSets.get(cacheKey);
        if (pending) await pending;
        const stored = await store.get(cacheKey);
        if (!stored || !Buffer.isBuffer(stored.value)) return undefined;
        const entry = {
          tags: Array.isArray(stored.tags) ? stored.tags : [],
          stale: fromJsonNumber(stored.stale),
          timestamp: Number(stored.timestamp),
          expire: fromJsonNumber(stored.expire),
          revalidate: fromJsonNumber(stored.revalidate),
        };
        if (entry.expire < 0) return undefined;
        if (Date.now() > entry.timestamp + servableForMs(entry)) return undefined;
        if (isTagExpired(entry.tags, entry.timestamp)) return undefined;
        if (Array.isArray(softTags) && isTagExpired(softTags, entry.timestamp)) return undefined;
        return { ...entry, value: streamFromBuffer(stored.value) };
      } catch {
        return undefined;
      }
    },

    async set(cacheKey, pendingEntry) {
      let resolvePending = () => {};
      const pending = new Promise((resolve) => (resolvePending = resolve));
      pendingSets.set(cacheKey, pending);
      try {
        const entry = await pendingEntry;
        // Production regenerates an `expire: 0` entry on every read: storing it would be a write nobody reads.
        if (!isDevServer() && entry.expire === 0) return;
        const value = await streamToBuffer(entry.value); // a stream that errors: nothing is stored
        const ttlMs = entry.timestamp + servableForMs(entry) - Date.now();
        if (!(ttlMs > 0)) return;
        await store.set(
          cacheKey,
          {
            value,
            tags: Array.isArray(entry.tags) ? entry.tags : [],
            stale: toJsonNumber(entry.stale),
            timestamp: entry.timestamp,
            expire: toJsonNumber(entry.expire),
            revalidate: toJsonNumber(entry.revalidate),
          },
          ttlMs,
        );
      } catch {
        /* a failed write only costs a render */
      } finally {
        resolvePending();
        if (pendingSets.get(cacheKey) === pending) pendingSets.delete(cacheKey);
      }
    },

    /** Once per request before the first read: a fresh process first learns what expired before it started. */
    async refreshTags() {
      try {
        await tagExpiry.waitForFirstSync(FIRST_SYNC_WAIT_MS);
      } catch {
        /* entries are still checked against whatever this process knows */
      }
    },

    /** Infinity: soft tags are checked in `get` (with the same margin and the freshest map) rather than by Next. */
    async getExpiration() {
      return Infinity;
    },

    /**
     * revalidateTag / updateTag / revalidatePath in this process: expired here at once and, for every other process,
     * in PostgreSQL (table + NOTIFY). `durations` (revalidateTag(tag, profile)) is treated as immediate expiry too.
     */
    async updateTags(tags) {
      try {
        const list = (Array.isArray(tags) ? tags : [tags]).filter((t) => typeof t === "string" && t.length > 0);
        if (list.length === 0) return;
        tagExpiry.noteExpired(list, Date.now());
        await tagExpiry.publishExpiry(list);
      } catch {
        /* the local expiry above already holds */
      }
    },
  };

  /** Tests only: drop the Redis connection of a handler made here (the app's handler lives as long as the process). */
  Object.defineProperty(handler, "close", {
    enumerable: false,
    value: () => (store === local ? undefined : store.close()),
  });
  return handler;
}

/** The handler Next loads: entries in Redis when REDIS_URL is set (not during `next build`), tags shared. */
const handler = createUseCacheHandler({
  redisUrl: process.env.NEXT_PHASE === "phase-production-build" ? undefined : process.env.REDIS_URL,
  maxEntries: Number.parseInt(process.env.DATELINE_USE_CACHE_MAX_ENTRIES || "5000", 10),
  keyPrefix: process.env.DATELINE_REDIS_USE_CACHE_PREFIX || "dateline:use-cache:",
});

module.exports = handler;
Object.defineProperty(module.exports, "createUseCacheHandler", { enumerable: false, value: createUseCacheHandler });
