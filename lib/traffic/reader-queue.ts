/**
 * Staff first: one Node process serves readers and staff on one event loop, and with 200 reader connections every
 * step of an editor's save (session, transaction, revision) waited behind a turn of the loop full of reader
 * requests; saves took 10–15 s and the scheduler missed its transactions. So reader page requests are let into Next
 * at most READER_CONCURRENCY at a time and wait their turn in arrival order; everything staff or the app itself
 * sends (the dashboard, admin, sign-in, every /api route and Next's own files, any non-GET request) goes straight
 * in. Readers may queue; staff never queue behind them. Through nginx (npm run cluster) readers are served from the
 * front cache and rarely reach an instance at all.
 *
 * The hook: Node publishes each incoming request on the diagnostics channel "http.server.request.start" just before
 * the server emits it (lib/security/peer-header.ts uses the same channel). The first one tells us the server, whose
 * `emit` we wrap once, so that its "request" events pass the queue. instrumentation.ts installs it per process.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";

/** Reader requests inside Next at once by default (READER_CONCURRENCY): enough to keep both cores busy on cache
 * hits, few enough that a turn of the event loop stays short for staff. */
export const READER_CONCURRENCY = 4;

/** Paths that are never a reader's page: staff areas, sign-in pages, previews, APIs and Next's own files. */
const STAFF_OR_APP = /^\/(?:dashboard|admin|api|login|forgot-password|invite|reset-password|preview|_next)(?:[/?]|$)/;

/** True for a request that waits its turn: a reader's GET or HEAD of a public page (or media, feed, sitemap). */
export function isReaderRequest(method: string | undefined, url: string | undefined): boolean {
  return (method === "GET" || method === "HEAD") && !STAFF_OR_APP.test(url ?? "/");
}

/**
 * A first-in, first-out gate of `limit` places. A freed place passes to the next waiting reader on the next turn of
 * the event loop (setImmediate), never in the same one: a cache hit finishes within the turn that started it, so a
 * synchronous hand-over would drain the whole queue in one turn (200 readers, ~200 ms) while a staff request's
 * database answers sat unread. Handed over this way, each turn serves at most `limit` readers, then I/O.
 */
export function createGate(limit: number) {
  let active = 0;
  const waiting: ((leave: () => void) => void)[] = [];
  const run = (start: (leave: () => void) => void) => {
    let left = false;
    start(() => {
      if (left) return;
      left = true;
      const next = waiting.shift();
      // The place stays taken while it is handed over, so a newcomer cannot pass the queue.
      if (next) setImmediate(run, next);
      else active--;
    });
  };
  return {
    /** Runs `start` now or when a place frees up; `start` gets the function that frees its place (once). */
    enter(start: (leave: () => void) => void) {
      if (active < limit) {
        active++;
        run(start);
      } else waiting.push(start);
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;
const WRAPPED = Symbol.for("dateline.reader-queue");
type Wrapped = Server & { [WRAPPED]?: true };

/** Makes `server` let reader requests into its "request" listeners through `gate`. */
export function queueReaders(server: Server, gate = createGate(READER_CONCURRENCY)): void {
  const target = server as Wrapped;
  if (target[WRAPPED]) return;
  target[WRAPPED] = true;
  const emit = server.emit.bind(server) as Emit;
  const queued: Emit = (event, ...args) => {
    if (event !== "request") return emit(event, ...args);
    const [request, response] = args as [IncomingMessage, ServerResponse];
    if (!isReaderRequest(request.method, request.url)) return emit(event, ...args);
    gate.enter((leave) => {
      // Next adds ten "close" listeners of its own to a render's response: ours is one more, not a leak.
      response.setMaxListeners(response.getMaxListeners() + 1);
      response.once("finish", leave);
      response.once("close", leave);
      // A reader who hung up while waiting costs nothing more.
      if (response.destroyed) return leave();
      emit(event, ...args);
    });
    return true;
  };
  target.emit = queued as Server["emit"];
}

const INSTALLED = Symbol.for("dateline.reader-queue.installed");

/** Installs the queue (`limit` places; 0: none) on every HTTP server of this process as its first request arrives. */
export function installReaderQueue(limit = READER_CONCURRENCY): void {
  const global = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (global[INSTALLED] || limit === 0) return;
  global[INSTALLED] = true;
  const gate = createGate(limit);
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (server) queueReaders(server, gate);
  });
}
