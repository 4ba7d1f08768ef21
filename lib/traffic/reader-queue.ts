/**
 * Staff first: one Node process serves readers and staff on one event loop, and with 200 reader connections every
 * step of an editor's save (session, transaction, revision) waited behind a turn of the loop full of reader
 * requests; saves took 10–15 s and the scheduler missed its transactions. So reader page requests are let into Next
 * at most READER_CONCURRENCY per turn of the event loop (and at once), in arrival order; everything staff or the app itself
 * sends (the dashboard, admin, sign-in, every /api route and Next's own files, any non-GET request) goes straight
 * in. Readers may queue; staff never queue behind them. Through nginx (npm run cluster) readers are served from the
 * front cache and rarely reach an instance at all.
 *
 * The hook (./request-hook.ts): Node publishes each incoming request on the diagnostics channel
 * "http.server.request.start" just before the server emits it (lib/security/peer-header.ts uses the same channel).
 * The first one tells us the server, whose `emit` we wrap once, so that its "request" events pass the queue.
 * instrumentation.ts installs it per process.
 */
import type { Server } from "node:http";
import { interceptRequests, onEachServer } from "./request-hook";

/** Readers started per turn of the event loop by default (READER_CONCURRENCY). Measured at 200 connections on
 * cached pages (docs/performance.md): 4 a turn served 250 req/s, 16 served 1,750 req/s (more than no queue at all)
 * with the loop's delay at p50 7 ms, p99 12 ms. */
export const READER_CONCURRENCY = 16;

/** Paths that are never a reader's page: staff areas, sign-in pages, previews, APIs and Next's own files. */
const STAFF_OR_APP = /^\/(?:dashboard|admin|api|login|forgot-password|invite|reset-password|preview|_next)(?:[/?]|$)/;

/** True for a request that waits its turn: a reader's GET or HEAD of a public page (or media, feed, sitemap). */
export function isReaderRequest(method: string | undefined, url: string | undefined): boolean {
  return (method === "GET" || method === "HEAD") && !STAFF_OR_APP.test(url ?? "/");
}

/**
 * A first-in, first-out gate that lets at most `limit` readers start per turn of the event loop, and has at most
 * `limit` inside at once. Readers are started from a setImmediate callback, never from the I/O callback that brought
 * them in: a cache hit runs to its end within the microtasks of the callback that starts it, so a gate that let
 * readers straight in while places were free let every reader that arrived in one turn through (180 per turn at 200
 * connections, ~230 ms), and a staff request's database answers waited behind all of them. Started here, each turn
 * serves at most `limit` readers, then the I/O that came in meanwhile.
 */
export function createGate(limit: number) {
  let active = 0;
  let scheduled = false;
  const waiting: ((leave: () => void) => void)[] = [];
  const drain = () => {
    scheduled = false;
    // At most `limit` starts this turn, even if those started here have already left.
    for (let started = 0; started < limit && active < limit && waiting.length > 0; started++) {
      active++;
      run(waiting.shift()!);
    }
    schedule();
  };
  const schedule = () => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    setImmediate(drain);
  };
  const run = (start: (leave: () => void) => void) => {
    let left = false;
    start(() => {
      if (left) return;
      left = true;
      active--;
      schedule();
    });
  };
  return {
    /** Runs `start` on a later turn, in arrival order, when a place is free; `start` gets the function that frees its place (once). */
    enter(start: (leave: () => void) => void) {
      waiting.push(start);
      schedule();
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

const WRAPPED = Symbol.for("dateline.reader-queue");

/** Makes `server` let reader requests into its "request" listeners through `gate`. */
export function queueReaders(server: Server, gate = createGate(READER_CONCURRENCY)): void {
  interceptRequests(server, WRAPPED, (request, response, pass) => {
    if (!isReaderRequest(request.method, request.url)) return false;
    gate.enter((leave) => {
      // Next adds ten "close" listeners of its own to a render's response: ours is one more, not a leak.
      response.setMaxListeners(response.getMaxListeners() + 1);
      response.once("finish", leave);
      response.once("close", leave);
      // A reader who hung up while waiting costs nothing more.
      if (response.destroyed) return leave();
      pass();
    });
    return true;
  });
}

const INSTALLED = Symbol.for("dateline.reader-queue.installed");

/** Installs the queue (`limit` places; 0: none) on every HTTP server of this process as its first request arrives. */
export function installReaderQueue(limit = READER_CONCURRENCY): void {
  const global = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (global[INSTALLED] || limit === 0) return;
  global[INSTALLED] = true;
  const gate = createGate(limit);
  onEachServer((server) => queueReaders(server, gate));
}
