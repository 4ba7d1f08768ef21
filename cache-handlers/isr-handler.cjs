/**
 * Next's server cache handler (`cacheHandler` in next.config.ts): ISR pages, route handlers and `unstable_cache`
 * data. Why our own (docs/decisions/0004-public-page-cache.md):
 *
 * - Invalidation must cross processes. A publish can happen in any app instance, in the scheduler, or in a script;
 *   the data layer records the expired tags in PostgreSQL ("CacheTag") in the same transaction as the change and
 *   NOTIFYs channel `dateline_cache_tags`. Every instance LISTENs, so a published change is visible everywhere
 *   within milliseconds, and an instance that lost its connection catches up from the table when it reconnects.
 * - Entries live behind a small store interface (get/set/delete): process memory (bounded LRU) by default; with
 *   REDIS_URL set, Redis shared by every instance with this process's memory in front (cache-handlers/redis-store.cjs),
 *   which keeps serving from memory while Redis is unreachable. Tag expiry stays in PostgreSQL either way.
 *
 * Plain CommonJS because Next loads it at run time, outside the bundle. It never throws into a request: on any error
 * it answers "miss", and the page renders fresh.
 */
"use strict";

const { MemoryStore } = require("./memory-store.cjs");
const { RENDER_MARGIN_MS, sharedTagExpiry } = require("./tag-expiry.cjs");
const { addPublicPageCsp } = require("./page-csp.cjs");
const { toReaderDocument } = require("./reader-document.cjs");

/**
 * An entry counts as written when its render began, so a change committed while a page was rendering (with the old
 * data) still expires it. The handler knows when a render began from the miss that started it (`get` answered null);
 * for a write with no miss before it (Next's background revalidation of a stale entry) it assumes the render began
 * RENDER_MARGIN_MS before the write: that costs at most one extra render after an invalidation.
 */
/** Tag times come from PostgreSQL's clock and render starts from this machine's: allowance for the two to differ. */
const CLOCK_SKEW_MS = Number.parseInt(process.env.DATELINE_CLOCK_SKEW_MS || "25", 10);
/** Misses remembered at most this long (a render that never writes must not pin its key forever). */
const MISS_TTL_MS = 60_000;
const MAX_ENTRIES = Number.parseInt(process.env.DATELINE_CACHE_MAX_ENTRIES || "20000", 10);
/** What this process keeps in memory at most (Redis, when set, holds the rest for every instance). */
const MAX_BYTES = Number.parseInt(process.env.DATELINE_CACHE_MAX_MB || "64", 10) * 1024 * 1024;

/** Process-wide state: Next creates a handler object per request, so nothing lives on the instance. */
function createStore() {
  const local = new MemoryStore(MAX_ENTRIES, MAX_BYTES);
  const url = process.env.REDIS_URL;
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return local;
  const { RedisStore } = require("./redis-store.cjs");
  return new RedisStore(url, local);
}

const state = (globalThis.__datelineCache ??= {});
state.store ??= createStore();
/** key -> when the earliest render still pending for it began (its miss). */
state.misses ??= new Map();
/** Tag expiry (PostgreSQL CacheTag + NOTIFY), shared with the 'use cache' handler: cache-handlers/tag-expiry.cjs. */
const tagExpiry = sharedTagExpiry();

function noteMiss(key) {
  const now = Date.now();
  if (!state.misses.has(key)) state.misses.set(key, now);
  if (state.misses.size > 10_000) {
    for (const [k, at] of state.misses) if (now - at > MISS_TTL_MS) state.misses.delete(k);
  }
}

/** When the render that produced an entry for `key` began (see above), minus the clock allowance. */
function renderStartedAt(key) {
  const now = Date.now();
  const missAt = state.misses.get(key);
  state.misses.delete(key);
  const began = missAt !== undefined && now - missAt < MISS_TTL_MS ? missAt : now - RENDER_MARGIN_MS;
  return began - CLOCK_SKEW_MS;
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
  return tagExpiry.isExpiredAfter(entryTags(entry, ctx), entry.lastModified);
}

class DatelineCacheHandler {
  constructor() {
    tagExpiry.connectListener();
  }

  async get(key, ctx) {
    try {
      const entry = await state.store.get(key);
      if (!entry) {
        noteMiss(key);
        return null;
      }
      if (isExpired(entry, ctx)) {
        noteMiss(key);
        await state.store.delete(key);
        return null;
      }
      return entry;
    } catch {
      noteMiss(key);
      return null;
    }
  }

  async set(key, data, ctx) {
    try {
      if (!data) {
        state.misses.delete(key);
        await state.store.delete(key);
        return;
      }
      // Next keys a cached route handler by path alone, so a POST to an uncached feed stored its 405 as the feed for
      // every reader. A refused method says nothing about the document: it is answered, never kept.
      if (data.kind === "APP_ROUTE" && data.status === 405) {
        state.misses.delete(key);
        return;
      }
      // Both change the entry in place: the response that stored the page is sent from that same object. A reader
      // page loses Next's client runtime first (reader-document.cjs), so its policy hashes what is left.
      toReaderDocument(data);
      addPublicPageCsp(data);
      await state.store.set(key, {
        value: data,
        lastModified: renderStartedAt(key),
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
    tagExpiry.noteExpired(list, Date.now());
    await tagExpiry.publishExpiry(list);
  }

  resetRequestCache() {}
}

module.exports = DatelineCacheHandler;
module.exports.MemoryStore = MemoryStore;
module.exports.default = DatelineCacheHandler;
