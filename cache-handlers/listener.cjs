/**
 * The cache channel: its name (defined here only) and the process's one PostgreSQL LISTEN connection on it, shared by
 * everything in the process that listens: tag expiry for both cache handlers (tag-expiry.cjs), the 410 list
 * (lib/data/articles/gone.ts, asked by proxy.ts) and the read-replica fence (lib/db/replica-router.ts). The data layer
 * NOTIFYs on it at commit (lib/data/cache.ts expirePublicTags) with a payload `{ tags, at }` (plus `{ live, seq }` for a live story's event: lib/live/hub.ts).
 *
 * Why here and why a registry on globalThis: Next loads this folder at run time, outside the bundle, and it also
 * bundles a copy of this file into the TypeScript that imports it. A module-level singleton would exist once per
 * copy; the registry lives under Symbol.for("dateline.cacheChannel"), which every copy finds, so a process keeps one
 * connection per database URL whichever copy asks first.
 *
 * A subscriber is `{ onNotification(payload), onConnect(query), onDisconnect() }`, each optional:
 * - onNotification: every subscriber, synchronously and in turn, for each notification (so the replica fence and the
 *   tag expiry map learn of a change in the same tick; a malformed payload arrives as {}).
 * - onConnect: after each (re)connect, once LISTEN is active, to catch up on what was missed while nobody listened;
 *   a subscriber that joins a live connection gets its own call. `query` runs on this connection. If it fails, the
 *   connection is dropped and made again: a catch-up that cannot run means the connection is not usable.
 * - onDisconnect: the connection was lost; notifications may be missed until the next onConnect.
 *
 * While anyone subscribes it reconnects a second after a loss; the last `unsubscribe()` closes the connection.
 * Plain CommonJS, loaded outside Next's bundle; nothing here throws into a caller.
 */
"use strict";

const pg = require("pg");

const CACHE_CHANNEL = "dateline_cache_tags";
const RETRY_MS = 1_000;
/** An attempt that gets no answer must not hold the requests waiting for it for long. */
const CONNECT_TIMEOUT_MS = 3_000;
const REGISTRY = Symbol.for("dateline.cacheChannel");

class CacheChannelListener {
  /**
   * @param {string} databaseUrl
   * @param {{ applicationName?: string }} [options] application_name of the connection (pg_stat_activity)
   */
  constructor(databaseUrl, options = {}) {
    this.databaseUrl = databaseUrl;
    this.applicationName = options.applicationName ?? `dateline-listener pid ${process.pid}`;
    this.subscribers = new Set();
    /** The connected client (LISTEN may still be under way), or null. */
    this.client = null;
    /** Runs queries on `client` one after another (pg 9 will refuse a query while another runs). */
    this.clientQuery = null;
    /** LISTEN is active on `client`. */
    this.isListening = false;
    /** Subscribers whose onConnect ran on the current connection. */
    this.caughtUp = new Set();
    /** The attempt or catch-up under way: resolves true when listening with everyone caught up, false on failure. */
    this.work = null;
    this.retryTimer = null;
  }

  /** Registers a subscriber and connects if needed; returns its unsubscribe function. */
  subscribe(subscriber) {
    this.subscribers.add(subscriber);
    void this.ready();
    return () => this.unsubscribe(subscriber);
  }

  unsubscribe(subscriber) {
    this.subscribers.delete(subscriber);
    this.caughtUp.delete(subscriber);
    if (this.subscribers.size > 0) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    this.clientQuery = null;
    this.isListening = false;
    client?.end().catch(() => {});
  }

  /** Whether a connection is up (queries run on it). */
  get isConnected() {
    return this.client !== null;
  }

  /** Runs a query on the listening connection; rejects when there is none. */
  query(text, values) {
    if (!this.clientQuery) return Promise.reject(new Error("the cache channel's connection is not up"));
    return this.clientQuery(text, values);
  }

  /**
   * Connects now if idle (a retry pending included) and catches up subscribers that have not been. Resolves true
   * when listening with every subscriber caught up, false when this attempt failed (a retry follows). Never rejects.
   */
  ready() {
    if (this.subscribers.size === 0) return Promise.resolve(false);
    if (!this.work) {
      if (this.isListening && this.caughtUp.size === this.subscribers.size) return Promise.resolve(true);
      const client = this.isListening ? this.client : null;
      this.work = (client ? this.catchUp(client) : this.open()).finally(() => {
        this.work = null;
        // Someone subscribed while this finished: their catch-up.
        if (this.isListening && this.caughtUp.size < this.subscribers.size) void this.ready();
      });
    }
    return this.work;
  }

  async open() {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: this.applicationName, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    let isLost = false;
    // An "error" event and a rejected step can both report one failure: handle it once.
    const lose = () => {
      if (isLost) return;
      isLost = true;
      this.lost(client);
    };
    client.on("error", lose);
    client.on("end", lose);
    client.on("notification", (message) => this.dispatch(message));
    try {
      await client.connect();
      if (isLost || this.subscribers.size === 0) throw new Error("closed");
      this.client = client;
      this.clientQuery = serialQuery(client);
      this.caughtUp = new Set();
      await this.clientQuery(`LISTEN ${CACHE_CHANNEL}`);
      if (this.client !== client) return false; // lost meanwhile; a retry is under way
      this.isListening = true;
      return await this.catchUp(client);
    } catch {
      lose();
      return false;
    }
  }

  /** Runs onConnect for every subscriber not yet caught up on `client` (those joining meanwhile too). */
  async catchUp(client) {
    const query = this.client === client ? this.clientQuery : null;
    if (!query) return false;
    try {
      for (;;) {
        const pending = [...this.subscribers].filter((s) => !this.caughtUp.has(s));
        if (pending.length === 0) return this.client === client;
        for (const s of pending) this.caughtUp.add(s);
        await Promise.all(pending.map((s) => s.onConnect?.(query)));
      }
    } catch {
      client.end().catch(() => {}); // "end" reports the loss
      return false;
    }
  }

  lost(client) {
    client.end().catch(() => {});
    if (this.client === client) {
      this.client = null;
      this.clientQuery = null;
      this.isListening = false;
      this.caughtUp = new Set();
      for (const s of this.subscribers) {
        try {
          s.onDisconnect?.();
        } catch {
          /* a subscriber's error is its own */
        }
      }
    }
    if (this.subscribers.size === 0 || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ready();
    }, RETRY_MS);
    this.retryTimer.unref();
  }

  dispatch(message) {
    if (message.channel !== CACHE_CHANNEL) return;
    let payload;
    try {
      payload = JSON.parse(message.payload || "{}");
    } catch {
      payload = {};
    }
    for (const s of this.subscribers) {
      try {
        s.onNotification?.(payload);
      } catch {
        /* a subscriber's error is its own */
      }
    }
  }
}

/** `client.query`, each call waiting for the one before it. */
function serialQuery(client) {
  let last = Promise.resolve();
  return (text, values) => {
    const result = last.then(() => client.query(text, values));
    last = result.catch(() => {});
    return result;
  };
}

/** The process's listener for `databaseUrl` (created on first use). */
function sharedListener(databaseUrl) {
  const registry = (globalThis[REGISTRY] ??= new Map());
  let listener = registry.get(databaseUrl);
  if (!listener) {
    listener = new CacheChannelListener(databaseUrl);
    registry.set(databaseUrl, listener);
  }
  return listener;
}

/** A listener of its own, outside the registry: another process's (the cluster's refresher), or tests'. */
function createListener(databaseUrl, options) {
  return new CacheChannelListener(databaseUrl, options);
}

module.exports = { CACHE_CHANNEL, sharedListener, createListener };
