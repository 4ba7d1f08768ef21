/**
 * The collaboration server: Hocuspocus (Yjs over WebSockets) beside Next, whose route handlers cannot upgrade a
 * connection (docs/decisions/0015-co-editing.md). The project's own scripts start and stop it with Next
 * (scripts/run.ts for `npm run dev` and `npm start`, scripts/cluster for `npm run cluster`, the e2e runner), one per
 * app instance; browsers reach it on the site's own origin at /collab (Next's proxy.ts forwards it to COLLAB_URL, or
 * nginx sends it straight here). Run as `node --conditions=react-server --import tsx collab-server/index.ts`: the
 * data layer's modules are server-only.
 *
 * Configuration through lib/env.ts: DATABASE_URL, AUTH_SECRET (the session cookie's), COLLAB_PORT and COLLAB_HOST,
 * TRUSTED_PROXIES (the client's address in the audit log), and REDIS_URL when several servers share documents.
 * GET /health answers how many documents and connections it holds and its memory (`?gc=1`: after a garbage
 * collection, when node runs with --expose-gc, as the benchmark starts it).
 */
import { Server, type onRequestPayload } from "@hocuspocus/server";
import { getEnv } from "@/lib/env";
import { Documents } from "./documents";
import { Guard } from "./guard";
import { RedisSync } from "./redis";
import { editorSchema } from "./schema";
import { startWatch } from "./watch";

const env = getEnv();
const log = (line: string) => console.log(`[collab] ${line}`);

const documents = new Documents(editorSchema());
const guard = new Guard({ secret: env.authSecret, trust: env.trustedProxies });
const { redisUrl, port, host } = env.collab;
const redis = redisUrl ? [redisSync(redisUrl)] : [];

/** The Redis extension on REDIS_URL (through its own ioredis: host, port and options taken from the URL). */
function redisSync(url: string): RedisSync {
  const { hostname, port: redisPort, username, password, pathname, protocol } = new URL(url);
  const options = {
    username: username || undefined,
    password: password ? decodeURIComponent(password) : undefined,
    db: Number(pathname.slice(1) || 0),
    tls: protocol === "rediss:" ? {} : undefined,
  };
  return new RedisSync({ host: hostname, port: Number(redisPort || 6379), options, prefix: "dateline-collab" });
}

const server = new Server({
  name: `dateline-collab-${process.pid}`,
  port,
  address: host,
  // A ping every 5 s: a browser whose network vanished leaves the list of people in the document within seconds
  // (a closed tab or a quit browser closes its socket and leaves at once).
  timeout: 5_000,
  debounce: 2_000,
  maxDebounce: 10_000,
  quiet: true,
  stopOnSignals: false,
  extensions: [...redis, guard, documents],
  async onRequest({ request, response }: onRequestPayload) {
    if (request.url === "/health" || request.url === "/health?gc=1") {
      const hocuspocus = server.hocuspocus;
      if (request.url.endsWith("gc=1")) (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount(), heapUsed: memory.heapUsed, rss: memory.rss }));
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not found\n");
    }
    // Hocuspocus's own answer would follow a resolved hook; an empty rejection ends the chain without an error.
    throw null;
  },
});

async function main() {
  await server.listen();
  const stopWatch = startWatch(server.hocuspocus, documents, guard);
  log(`listening on ${host}:${port}${redisUrl ? " (documents shared through Redis)" : ""}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopWatch();
    // Closing every connection stores each open document before it is unloaded.
    await server.destroy();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
}

main().catch((error: unknown) => {
  console.error(`[collab] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
