/**
 * The shared store for Next's cache handlers (isr-handler.cjs, use-cache-handler.cjs, each under its own key prefix)
 * when REDIS_URL is set: every app instance reads and writes the same entries in Redis, with this process's memory
 * LRU in front of it.
 *
 * - get: local memory first (entries are checked against tag expiry by the handler whichever store answered), then
 *   Redis; a Redis hit is kept locally too. set/delete go to both.
 * - Redis down, slow or restarted: every command fails fast and the handler keeps answering from local memory, while
 *   the client reconnects in the background with backoff. Nothing here ever throws into a request.
 *
 * The client is ioredis (docs/decisions/0010-cache-handlers-listener-redis.md), set to fail rather than wait: no
 * offline queue (not connected → a command fails at once), no retries of a command, and a command unanswered after
 * COMMAND_TIMEOUT_MS fails and drops its connection (socketTimeout), which is then made again. Values are JSON with
 * Buffers and Maps tagged ({"$b": base64}, {"$m": [[k, v], …]}), because Next's page entries carry the RSC payload
 * and segment data as Buffers in a Map.
 *
 * Plain CommonJS, loaded by the handlers outside Next's bundle.
 */
"use strict";

const Redis = require("ioredis");

const COMMAND_TIMEOUT_MS = Number.parseInt(process.env.DATELINE_REDIS_TIMEOUT_MS || "250", 10);
/** Entries in Redis live at most this long without a rewrite (the handler's tag checks decide freshness). */
const ENTRY_TTL_MS = 7 * 24 * 3600 * 1000;
const KEY_PREFIX = process.env.DATELINE_REDIS_PREFIX || "dateline:isr:";

/**
 * A Redis client that never makes a request wait on Redis: see the header. `onState(up)` hears when it becomes
 * ready and when a ready connection is lost (not every failed reconnect).
 */
function connectRedis(url, onState = () => {}) {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    socketTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    keepAlive: 5_000,
    retryStrategy: (times) => Math.min(100 * 2 ** (times - 1), 2_000),
  });
  let isUp = false;
  client.on("error", () => {}); // every failure is a failed command or a reconnect; nothing to crash on
  client.on("ready", () => {
    isUp = true;
    onState(true);
  });
  client.on("close", () => {
    if (!isUp) return;
    isUp = false;
    onState(false);
  });
  return client;
}

/**
 * Buffers and Maps made JSON-safe before JSON.stringify sees them. (A replacer is too late for Buffers: stringify
 * calls Buffer#toJSON first, which builds an array of one number per byte — for a page's RSC payload that cost more
 * CPU than the render itself, and the replacer then threw it away.)
 */
function toTagged(value) {
  if (value === null || typeof value !== "object") return value;
  if (Buffer.isBuffer(value)) return { $b: value.toString("base64") };
  if (value instanceof Uint8Array) return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (value instanceof Map) return { $m: [...value.entries()].map(([k, v]) => [toTagged(k), toTagged(v)]) };
  if (Array.isArray(value)) return value.map(toTagged);
  if (typeof value.toJSON === "function") return value;
  const out = {};
  for (const key of Object.keys(value)) out[key] = toTagged(value[key]);
  return out;
}

function encodeEntry(entry) {
  return JSON.stringify(toTagged(entry));
}

function decodeEntry(text) {
  return JSON.parse(text, (key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && typeof value.$b === "string") return Buffer.from(value.$b, "base64");
      if (keys.length === 1 && Array.isArray(value.$m)) return new Map(value.$m);
    }
    return value;
  });
}

/**
 * The handler's store interface (get/set/delete) over Redis, with `local` (a MemoryStore) in front. Options: `prefix`
 * (each handler keeps its entries under its own key prefix), `label` (names the handler in the log lines).
 */
class RedisStore {
  constructor(url, local, { prefix = KEY_PREFIX, label = "cache" } = {}) {
    this.local = local;
    this.prefix = prefix;
    this.client = connectRedis(url, (up) => {
      if (process.env.DATELINE_CACHE_QUIET !== "1") console.log(`[dateline] ${label}: Redis ${up ? "connected" : "unreachable; serving from this instance's memory"}`);
    });
  }

  async get(key) {
    const local = await this.local.get(key);
    if (local) return local;
    try {
      const reply = await this.client.get(this.prefix + key);
      if (reply === null) return undefined;
      const entry = decodeEntry(reply);
      await this.local.set(key, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  /** `ttlMs`: how long Redis keeps the entry (default and at most ENTRY_TTL_MS). */
  async set(key, entry, ttlMs = ENTRY_TTL_MS) {
    await this.local.set(key, entry);
    try {
      const px = Number.isFinite(ttlMs) ? Math.max(1, Math.min(ENTRY_TTL_MS, Math.ceil(ttlMs))) : ENTRY_TTL_MS;
      await this.client.set(this.prefix + key, encodeEntry(entry), "PX", px);
    } catch {
      /* local copy only: other instances render it themselves */
    }
  }

  async delete(key) {
    await this.local.delete(key);
    try {
      await this.client.del(this.prefix + key);
    } catch {
      /* the entry's tags still refuse it on every instance */
    }
  }

  /** Drops the connection for good (tests; the app's stores live as long as the process). */
  close() {
    this.client.disconnect();
  }
}

module.exports = { RedisStore, encodeEntry, decodeEntry };
