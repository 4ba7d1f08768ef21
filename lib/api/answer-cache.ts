/**
 * The Content API's answers, kept by the query that asked for them: the body, its ETag and media type, the scope it
 * needs, and the cache tags of the reads that made it. The route handler keeps each 200 it makes; the API's front
 * (./front.ts) answers the same query from here before Next, until a publish, an edit or an unpublish expires one of
 * its tags — the same tags and the same expiry (PostgreSQL CacheTag + NOTIFY) as the public pages, so the API is
 * exactly as fresh as the site on every instance. Decision 0030.
 *
 * Entries live in a store of their own behind the cache handlers' store interface (get/set/delete), a bounded memory
 * LRU per process: a partner paging through every article must not push the reader pages out of the page cache,
 * and a miss costs one route handler call on reads that are themselves cached (and shared through Redis when it is
 * set). A shared store (cache-handlers/redis-store.cjs speaks the same interface) can replace it. While this process
 * does not hear tag expiries, nothing is kept or served from here.
 */
import { gzipSync } from "node:zlib";
import { MemoryStore } from "@/cache-handlers/memory-store.cjs";
import { RENDER_MARGIN_MS, sharedTagExpiry } from "@/cache-handlers/tag-expiry.cjs";
import { PUBLIC_REVALIDATE_SECONDS } from "@/lib/data/cache";
import type { ApiScope } from "@/lib/validation/api";

/**
 * `body`: the bytes, encoded once (the front sends them as they are); `gzip`: the body compressed once, for clients
 * that accept it (as Next's compression would send it), or null.
 */
export type CachedAnswer = { scope: ApiScope; body: Buffer; gzip: Buffer | null; etag: string; contentType: string };

type Entry = { value: CachedAnswer; lastModified: number; tags: string[] };
type Store = { get(key: string): Promise<Entry | undefined>; set(key: string, entry: Entry): Promise<void>; delete(key: string): Promise<void> };

const MAX_ENTRIES = 5_000;
const MAX_BYTES = 16 * 1024 * 1024;
const STORE = Symbol.for("dateline.api-answers");

/** The process's store, on globalThis: the front and the route handlers are bundled apart. */
function store(): Store {
  const global = globalThis as typeof globalThis & { [STORE]?: Store };
  return (global[STORE] ??= new MemoryStore<Entry>(MAX_ENTRIES, MAX_BYTES));
}

/** Whether entries can be trusted: only while this process hears every tag expiry. */
function isListening(): boolean {
  const expiry = sharedTagExpiry();
  if (expiry.state.isListening) return true;
  void expiry.connectListener();
  return false;
}

/**
 * The key of an answer: what in a request decides its body. The path and query string as the URL parser writes them
 * (the route's request.url, the front's parse of the request line), and whether Accept asks for ninjs (chooseFormat).
 */
export function answerKey(url: URL, accept: string | null | undefined, ninjsMediaType: string): string {
  return `api:${url.pathname}${url.search}|${accept?.includes(ninjsMediaType) ? "ninjs" : ""}`;
}

/** A kept answer that no change since has expired, or null. Never throws. */
export async function readAnswer(key: string): Promise<CachedAnswer | null> {
  if (!isListening()) return null;
  const entries = store();
  try {
    const entry = await entries.get(key);
    if (!entry) return null;
    // Counted as made a margin before its read began, as pages are: a change committed while it was being made expires it.
    // And made again after the public reads' safety net (an article whose publication time was in the future appears).
    const isStale = Date.now() - entry.lastModified > PUBLIC_REVALIDATE_SECONDS * 1000;
    if (isStale || sharedTagExpiry().isExpiredAfter(entry.tags, entry.lastModified - RENDER_MARGIN_MS)) {
      await entries.delete(key);
      return null;
    }
    return entry.value;
  } catch {
    return null;
  }
}

/** Keeps an answer whose reads began at `startedAt` under `tags`. A failed write costs a later request its shortcut. */
export async function keepAnswer(key: string, answer: Omit<CachedAnswer, "body" | "gzip"> & { text: string }, tags: string[], startedAt: number): Promise<void> {
  if (!isListening()) return;
  const entries = store();
  try {
    // Next's compression leaves bodies under 1 KB as they are; so does the front.
    const { text, ...rest } = answer;
    const body = Buffer.from(text, "utf8");
    await entries.set(key, { value: { ...rest, body, gzip: body.length >= 1024 ? gzipSync(body) : null }, lastModified: startedAt, tags });
  } catch {
    /* see above */
  }
}
