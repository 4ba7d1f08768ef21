/**
 * When each cache tag last expired, as every process of the app agrees on it: the one source of tag expiry for both
 * of Next's cache handlers (cache-handlers/isr-handler.cjs for ISR pages, route handlers and `unstable_cache`;
 * cache-handlers/use-cache-handler.cjs for `'use cache'`). docs/decisions/0004-public-page-cache.md explains the design:
 *
 * - The data layer upserts `CacheTag(tag, expiredAt)` and NOTIFYs `dateline_cache_tags` inside the transaction of
 *   the change (lib/data/cache.ts), so the NOTIFY goes out only if the change commits.
 * - Each process keeps a map tag -> last expiry (epoch ms), fed by the process's one LISTEN connection (listener.cjs);
 *   after a (re)connect it catches up from the table, so a lost connection costs nothing but the time it was lost.
 * - A tag expired by Next in this process (revalidateTag / revalidatePath / updateTag) is noted here at once and
 *   written to the table + NOTIFYed for every other process.
 *
 * Tag expiry is never kept in Redis: Redis holds only entries, and may be emptied or unreachable at any time.
 *
 * `sharedTagExpiry()` is the process-wide instance both handlers use (its state lives on globalThis.__datelineCache,
 * as Next may load each handler more than once), on the process's shared listener; `createTagExpiry()` makes an
 * independent one (tests give two their own listeners to play two app instances in one process). Plain CommonJS,
 * loaded outside Next's bundle; nothing here throws into a request.
 */
"use strict";

const pg = require("pg");
const { CACHE_CHANNEL, sharedListener } = require("./listener.cjs");

/** Entries count as made this much earlier than their stamp, so a change committed while an entry was being made
 * (from the old data), or a clock a little behind PostgreSQL's, still expires it. Costs at most one extra render. */
const RENDER_MARGIN_MS = 2_000;

/**
 * @param {object} [options]
 * @param {object} [options.state] where the map lives (an existing object is filled in, not replaced)
 * @param {() => string | undefined} [options.databaseUrl] read at each use; default process.env.DATABASE_URL
 * @param {(url: string) => import("./listener.cjs").CacheChannelListener} [options.listener] default: the process's
 */
function createTagExpiry(options = {}) {
  const state = options.state ?? {};
  state.expiry ??= new Map(); // tag -> epoch ms when it last expired
  state.lastSyncAt ??= 0;
  state.isListening ??= false;
  const databaseUrl = options.databaseUrl ?? (() => process.env.DATABASE_URL);
  const listenerFor = options.listener ?? sharedListener;
  /** Identical publishes in flight: Next announces one revalidation to each of its cache handlers at once. */
  const publishing = new Map();
  let listener = null;
  let unsubscribe = null;
  let closed = false;

  function noteExpired(tags, at) {
    for (const tag of tags) {
      if ((state.expiry.get(tag) ?? 0) < at) state.expiry.set(tag, at);
    }
  }

  const subscriber = {
    onNotification(payload) {
      // Noted as of when this process heard it, if that is later than the commit: until now its cached data still
      // counted as fresh, so a render that began after the commit but before this moment may have used the old data.
      if (Array.isArray(payload.tags)) noteExpired(payload.tags, Math.max(Number(payload.at) || 0, Date.now()));
    },
    /** What expired while nobody listened (a minute's overlap covers clocks and commits in flight). */
    async onConnect(query) {
      const since = new Date(Math.max(0, state.lastSyncAt - 60_000));
      const { rows } = await query(`SELECT tag, (extract(epoch from "expiredAt") * 1000)::float8 AS at FROM "CacheTag" WHERE "expiredAt" > $1`, [since]);
      for (const row of rows) noteExpired([row.tag], row.at);
      state.lastSyncAt = Date.now();
      state.isListening = true;
    },
    onDisconnect() {
      state.isListening = false;
    },
  };

  /** Subscribes to the listener (once) and has it connect if it is not up; resolves as the listener's ready(). */
  function connectListener() {
    if (closed) return Promise.resolve(false);
    if (!listener) {
      const url = databaseUrl();
      if (!url) return Promise.resolve(false);
      listener = listenerFor(url);
      unsubscribe = listener.subscribe(subscriber);
    }
    return listener.ready();
  }

  /** Whether any of `tags` expired after `since` (epoch ms). */
  function isExpiredAfter(tags, since) {
    for (const tag of tags) {
      const at = state.expiry.get(tag);
      if (at !== undefined && at > since) return true;
    }
    return false;
  }

  async function writeExpiry(tags) {
    const url = databaseUrl();
    if (!url) return;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query(
        `WITH t AS (
           INSERT INTO "CacheTag" (tag, "expiredAt") SELECT unnest($1::text[]), clock_timestamp()
           ON CONFLICT (tag) DO UPDATE SET "expiredAt" = EXCLUDED."expiredAt" RETURNING 1)
         SELECT pg_notify($2, json_build_object('tags', $1::text[], 'at', extract(epoch from clock_timestamp()) * 1000)::text)`,
        [tags, CACHE_CHANNEL],
      );
    } catch {
      /* other instances fall back to their safety-net revalidation time */
    } finally {
      client.end().catch(() => {});
    }
  }

  /** Records the tags as expired now for every process (table + NOTIFY). Never throws. */
  function publishExpiry(tags) {
    const key = JSON.stringify(tags);
    const inFlight = publishing.get(key);
    if (inFlight) return inFlight;
    const done = writeExpiry(tags).finally(() => publishing.delete(key));
    publishing.set(key, done);
    return done;
  }

  /**
   * Waits (at most `ms`) for the first catch-up from the table when this process has never had one, so that a fresh
   * process does not serve a shared entry whose tag expired before it started. Afterwards it returns at once.
   */
  async function waitForFirstSync(ms) {
    if (state.lastSyncAt !== 0) return;
    let timer;
    await Promise.race([connectListener(), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /** Stops listening for good (tests; the app's process-wide instance is never closed). */
  function close() {
    closed = true;
    state.isListening = false;
    unsubscribe?.();
    unsubscribe = null;
  }

  return { state, noteExpired, connectListener, isExpiredAfter, publishExpiry, waitForFirstSync, close };
}

/** The process-wide instance: one expiry map for both cache handlers, on the process's shared LISTEN connection. */
function sharedTagExpiry() {
  const state = (globalThis.__datelineCache ??= {});
  return (state.tagExpiry ??= createTagExpiry({ state }));
}

module.exports = { createTagExpiry, sharedTagExpiry, RENDER_MARGIN_MS };
