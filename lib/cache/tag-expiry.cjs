/**
 * When each cache tag last expired, as every process of the app agrees on it: the one source of tag expiry for both
 * of Next's cache handlers (lib/cache/isr-handler.cjs for ISR pages, route handlers and `unstable_cache`;
 * lib/cache/use-cache-handler.cjs for `'use cache'`). docs/decisions/0004-public-page-cache.md explains the design:
 *
 * - The data layer upserts `CacheTag(tag, expiredAt)` and NOTIFYs `dateline_cache_tags` inside the transaction of
 *   the change (lib/data/cache.ts), so the NOTIFY goes out only if the change commits.
 * - Each process keeps one LISTEN connection and a map tag -> last expiry (epoch ms); after a (re)connect it catches
 *   up from the table, so a lost connection costs nothing but the time it was lost.
 * - A tag expired by Next in this process (revalidateTag / revalidatePath / updateTag) is noted here at once and
 *   written to the table + NOTIFYed for every other process.
 *
 * Tag expiry is never kept in Redis: Redis holds only entries, and may be emptied or unreachable at any time.
 *
 * `sharedTagExpiry()` is the process-wide instance both handlers use (its state lives on globalThis.__datelineCache,
 * as Next may load each handler more than once); `createTagExpiry()` makes an independent one (tests use two to play
 * two app instances in one process). Plain CommonJS, loaded outside Next's bundle; nothing here throws into a request.
 */
"use strict";

const pg = require("pg");

const CHANNEL = "dateline_cache_tags";
/** Entries count as made this much earlier than their stamp, so a change committed while an entry was being made
 * (from the old data), or a clock a little behind PostgreSQL's, still expires it. Costs at most one extra render. */
const RENDER_MARGIN_MS = 2_000;

/**
 * @param {object} [options]
 * @param {object} [options.state] where the map and the connection live (an existing object is filled in, not replaced)
 * @param {() => string | undefined} [options.databaseUrl] read at each use; default process.env.DATABASE_URL
 */
function createTagExpiry(options = {}) {
  const state = options.state ?? {};
  state.expiry ??= new Map(); // tag -> epoch ms when it last expired
  state.listener ??= null;
  state.connecting ??= null;
  state.lastSyncAt ??= 0;
  const databaseUrl = options.databaseUrl ?? (() => process.env.DATABASE_URL);
  /** Identical publishes in flight: Next announces one revalidation to each of its cache handlers at once. */
  const publishing = new Map();
  let closed = false;

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
    const url = databaseUrl();
    if (closed || !url || state.listener || state.connecting) return;
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
        if (!closed) setTimeout(connectListener, 1_000).unref();
      };
      client.on("error", reconnect);
      client.on("end", () => {
        if (state.listener === client) reconnect();
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        await catchUp(client);
        if (closed) throw new Error("closed");
        state.listener = client;
      } catch {
        client.end().catch(() => {});
        if (!closed) setTimeout(connectListener, 1_000).unref();
      }
    })().finally(() => {
      state.connecting = null;
    });
  }

  /** Latest expiry (epoch ms) among `tags`, 0 when none ever expired. */
  function lastExpiry(tags) {
    let latest = 0;
    for (const tag of tags) {
      const at = state.expiry.get(tag);
      if (at !== undefined && at > latest) latest = at;
    }
    return latest;
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
        [tags, CHANNEL],
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
    connectListener();
    if (state.lastSyncAt !== 0 || !state.connecting) return;
    let timer;
    await Promise.race([state.connecting, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /** Stops listening for good (tests; the app's process-wide instance is never closed). */
  async function close() {
    closed = true;
    await state.connecting?.catch(() => {});
    const client = state.listener;
    state.listener = null;
    await client?.end().catch(() => {});
  }

  return { state, noteExpired, connectListener, lastExpiry, isExpiredAfter, publishExpiry, waitForFirstSync, close };
}

/** The process-wide instance: one LISTEN connection and one expiry map for both cache handlers. */
function sharedTagExpiry() {
  const state = (globalThis.__datelineCache ??= {});
  return (state.tagExpiry ??= createTagExpiry({ state }));
}

module.exports = { createTagExpiry, sharedTagExpiry, RENDER_MARGIN_MS, CHANNEL };
