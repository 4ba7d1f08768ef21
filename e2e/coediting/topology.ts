/**
 * Two app instances for the co-editing specs, as `npm run cluster` runs them: two collaboration servers
 * (collab-server/) on the e2e database, sharing documents through a Redis of their own, each of which can be killed
 * and started again. The pages come from the suite's Next server; what makes an instance for co-editing is the
 * server its WebSocket reaches, so each browser context's /collab is relayed to "its" instance, and, when that
 * instance is gone, to the other one, as nginx's upstream does in the cluster (scripts/cluster/nginx.ts). The relay
 * passes the context's own cookies, the page's Origin and the site's Host, so the servers authenticate and authorize
 * exactly as behind nginx.
 */
import type { BrowserContext } from "@playwright/test";
import WebSocket from "ws";
import { startCollabServer, type CollabServer } from "@/scripts/lib/collab-server";
import { startTestRedis, type TestRedis } from "@/tests/support/redis-server";

export type InstanceName = "A" | "B";

export type Topology = {
  /** Routes the context's co-editing socket to `preferred` (or the other instance while it is down). */
  route(context: BrowserContext, preferred: InstanceName): Promise<void>;
  /** Kills an instance's collaboration server at once (SIGKILL: nothing is stored on the way out). */
  kill(name: InstanceName): Promise<void>;
  /** The port of an instance's collaboration server. */
  port(name: InstanceName): number;
  /** The documents each instance holds in memory (its /health). */
  health(name: InstanceName): Promise<{ documents: number; connections: number }>;
  stop(): Promise<void>;
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through npm run test:e2e`);
  return value;
}

export async function startTopology(): Promise<Topology> {
  const redis: TestRedis = await startTestRedis();
  const start = (port: number) =>
    startCollabServer({
      root: process.cwd(),
      databaseUrl: required("DATABASE_URL"),
      authSecret: required("AUTH_SECRET"),
      port,
      redisUrl: redis.url,
      stdio: ["ignore", "ignore", "inherit"],
      env: { NODE_ENV: "production", TRUSTED_PROXIES: "127.0.0.1,::1", SITE_URL: required("SITE_URL") },
    });
  const servers = new Map<InstanceName, CollabServer>();
  servers.set("A", await start(4100 + Math.floor(Math.random() * 400)));
  servers.set("B", await start(4600 + Math.floor(Math.random() * 400)));
  const alive = (name: InstanceName) => {
    const server = servers.get(name);
    return server && server.process.exitCode === null && server.process.signalCode === null ? server : undefined;
  };
  const siteOrigin = new URL(required("SITE_URL")).origin;

  return {
    async route(context, preferred) {
      const other: InstanceName = preferred === "A" ? "B" : "A";
      await context.routeWebSocket(/\/collab$/, async (page) => {
        const server = alive(preferred) ?? alive(other);
        if (!server) return page.close();
        const cookie = (await context.cookies(siteOrigin)).map((c) => `${c.name}=${c.value}`).join("; ");
        const upstream = new WebSocket(`ws://127.0.0.1:${server.port}/collab`, { headers: { cookie, origin: siteOrigin, host: new URL(siteOrigin).host } });
        const waiting: (string | Buffer)[] = [];
        page.onMessage((message) => (upstream.readyState === WebSocket.OPEN ? upstream.send(message) : waiting.push(message)));
        page.onClose(() => upstream.close());
        upstream.on("open", () => {
          for (const message of waiting.splice(0)) upstream.send(message);
        });
        upstream.on("message", (data: Buffer, isBinary) => page.send(isBinary ? data : data.toString()));
        upstream.on("close", () => void page.close().catch(() => undefined));
        upstream.on("error", () => void page.close().catch(() => undefined));
      });
    },
    async kill(name) {
      await servers.get(name)?.stop("SIGKILL");
    },
    port(name) {
      const server = servers.get(name);
      if (!server) throw new Error(`no instance ${name}`);
      return server.port;
    },
    async health(name) {
      const server = alive(name);
      if (!server) return { documents: 0, connections: 0 };
      return (await (await fetch(`${server.url}/health`)).json()) as { documents: number; connections: number };
    },
    async stop() {
      await Promise.all([...servers.values()].map((server) => server.stop()));
      await redis.stop();
    },
  };
}
