/**
 * The shared store for Next's cache handlers (cache-handlers/isr-handler.cjs, cache-handlers/use-cache-handler.cjs, each under
 * its own key prefix) when REDIS_URL is set: every app instance reads and writes the same entries in Redis, with this
 * process's memory LRU in front of it.
 *
 * - get: local memory first (entries are checked against tag expiry by the handler whichever store answered), then
 *   Redis; a Redis hit is kept locally too. set/delete go to both.
 * - Redis down, slow or restarted: every command fails fast (not connected → at once; connected but silent → after
 *   COMMAND_TIMEOUT_MS), the handler keeps answering from local memory, and the client reconnects in the background
 *   with backoff. Nothing here ever throws into a request.
 *
 * It speaks RESP2 over one TCP connection itself (GET, SET … PX, DEL, PING, AUTH, SELECT): a few dozen lines instead of
 * a dependency. Values are JSON with Buffers and Maps tagged ({"$b": base64}, {"$m": [[k, v], …]}), because Next's
 * page entries carry the RSC payload and segment data as Buffers in a Map.
 *
 * Plain CommonJS, loaded by the handler outside Next's bundle.
 */
"use strict";

const net = require("node:net");

const COMMAND_TIMEOUT_MS = Number.parseInt(process.env.DATELINE_REDIS_TIMEOUT_MS || "250", 10);
/** Entries in Redis live at most this long without a rewrite (the handler's tag checks decide freshness). */
const ENTRY_TTL_MS = 7 * 24 * 3600 * 1000;
const KEY_PREFIX = process.env.DATELINE_REDIS_PREFIX || "dateline:isr:";

/** Encodes one command as a RESP array of bulk strings. */
function encodeCommand(args) {
  const buffers = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const buf = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg), "utf8");
    buffers.push(Buffer.from(`$${buf.length}\r\n`), buf, Buffer.from("\r\n"));
  }
  return Buffer.concat(buffers);
}

class RespError extends Error {}

/**
 * Parses as many complete replies as `buffer` holds from `offset`. Returns [reply, nextOffset] or null when the
 * reply is incomplete. Errors come back as RespError instances (not thrown).
 */
function parseReply(buffer, offset) {
  if (offset >= buffer.length) return null;
  const lineEnd = buffer.indexOf("\r\n", offset);
  if (lineEnd === -1) return null;
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.toString("utf8", offset + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case "+":
      return [line, after];
    case "-":
      return [new RespError(line), after];
    case ":":
      return [Number.parseInt(line, 10), after];
    case "$": {
      const length = Number.parseInt(line, 10);
      if (length < 0) return [null, after];
      if (buffer.length < after + length + 2) return null;
      return [buffer.subarray(after, after + length), after + length + 2];
    }
    case "*": {
      const count = Number.parseInt(line, 10);
      if (count < 0) return [null, after];
      const items = [];
      let next = after;
      for (let i = 0; i < count; i++) {
        const parsed = parseReply(buffer, next);
        if (!parsed) return null;
        items.push(parsed[0]);
        next = parsed[1];
      }
      return [items, next];
    }
    default:
      throw new RespError(`unexpected reply type ${JSON.stringify(type)}`);
  }
}

/** A minimal, self-healing Redis connection. `command()` resolves with the reply or rejects fast; never hangs. */
class RedisConnection {
  constructor(url, { onState } = {}) {
    const parsed = new URL(url);
    if (parsed.protocol !== "redis:") throw new Error(`REDIS_URL must start with redis:// (got ${parsed.protocol})`);
    this.host = parsed.hostname || "127.0.0.1";
    this.port = Number.parseInt(parsed.port || "6379", 10);
    this.password = parsed.password ? decodeURIComponent(parsed.password) : null;
    this.username = parsed.username ? decodeURIComponent(parsed.username) : null;
    this.db = parsed.pathname && parsed.pathname.length > 1 ? Number.parseInt(parsed.pathname.slice(1), 10) : 0;
    this.onState = onState || (() => {});
    this.socket = null;
    this.ready = false;
    this.pending = [];
    this.buffer = Buffer.alloc(0);
    this.backoffMs = 100;
    this.closed = false;
    this.connect();
  }

  connect() {
    if (this.closed) return;
    const socket = net.createConnection({ host: this.host, port: this.port });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 5_000);
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("error", () => {});
    socket.on("close", () => this.onClose(socket));
    socket.on("connect", async () => {
      try {
        if (this.password) await this.raw(this.username ? ["AUTH", this.username, this.password] : ["AUTH", this.password]);
        if (this.db) await this.raw(["SELECT", this.db]);
        this.ready = true;
        this.backoffMs = 100;
        this.onState(true);
      } catch {
        socket.destroy();
      }
    });
  }

  onClose(socket) {
    if (this.socket !== socket) return;
    const wasReady = this.ready;
    this.ready = false;
    this.socket = null;
    const failed = this.pending.splice(0);
    for (const p of failed) p.reject(new Error("redis connection closed"));
    if (wasReady) this.onState(false);
    if (this.closed) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 2_000);
    setTimeout(() => this.connect(), delay).unref();
  }

  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let offset = 0;
    for (;;) {
      let parsed;
      try {
        parsed = parseReply(this.buffer, offset);
      } catch {
        this.socket?.destroy();
        return;
      }
      if (!parsed) break;
      offset = parsed[1];
      const waiter = this.pending.shift();
      if (!waiter) continue;
      if (parsed[0] instanceof RespError) waiter.reject(parsed[0]);
      else waiter.resolve(parsed[0]);
    }
    this.buffer = offset >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
  }

  /** Sends on the current socket (also before `ready`, for AUTH/SELECT). */
  raw(args) {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error("redis not connected"));
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      this.pending.push(waiter);
      const timer = setTimeout(() => {
        // A reply that never comes means the connection is unusable: drop it (every waiter fails) and reconnect.
        waiter.reject(new Error("redis command timed out"));
        socket.destroy();
      }, COMMAND_TIMEOUT_MS);
      timer.unref();
      waiter.resolve = (value) => {
        clearTimeout(timer);
        resolve(value);
      };
      waiter.reject = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      socket.write(encodeCommand(args));
    });
  }

  command(args) {
    if (!this.ready) return Promise.reject(new Error("redis not connected"));
    return this.raw(args);
  }

  close() {
    this.closed = true;
    this.socket?.destroy();
  }
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
    this.connection = new RedisConnection(url, {
      onState: (up) => {
        if (process.env.DATELINE_CACHE_QUIET !== "1") console.log(`[dateline] ${label}: Redis ${up ? "connected" : "unreachable; serving from this instance's memory"}`);
      },
    });
  }

  async get(key) {
    const local = await this.local.get(key);
    if (local) return local;
    try {
      const reply = await this.connection.command(["GET", this.prefix + key]);
      if (!reply) return undefined;
      const entry = decodeEntry(reply.toString("utf8"));
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
      await this.connection.command(["SET", this.prefix + key, encodeEntry(entry), "PX", px]);
    } catch {
      /* local copy only: other instances render it themselves */
    }
  }

  async delete(key) {
    await this.local.delete(key);
    try {
      await this.connection.command(["DEL", this.prefix + key]);
    } catch {
      /* the entry's tags still refuse it on every instance */
    }
  }
}

module.exports = { RedisStore, RedisConnection, encodeEntry, decodeEntry, parseReply, encodeCommand };
