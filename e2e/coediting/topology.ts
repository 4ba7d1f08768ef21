/**
 * Two app instances for the co-editing specs, as `npm run cluster` runs them: each instance is a production Next
 * server (the standalone server `npm start` runs) with its collaboration server beside it (collab-server/, reached
 * through the instance's own /collab, proxy.ts → COLLAB_URL), both on the e2e database, the two collaboration
 * servers sharing documents through a Redis of their own. Each browser context loads its pages from "its" instance.
 * Its co-editing socket goes through a relay standing in for the balancer: to the context's instance, and, when that
 * instance is gone, to the other one, as nginx's upstream does in the cluster (scripts/cluster/nginx.ts), with the
 * context's own cookies and the page's Origin and Host, so both instances authenticate and authorize exactly as
 * behind nginx. An instance can be killed (Next and its collaboration server, SIGKILL) and started again.
 */
import type { Browser, BrowserContext } from "@playwright/test";
import WebSocket from "ws";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { startCollabServer, type CollabServer } from "@/scripts/lib/collab-server";
import { startTestRedis, type TestRedis } from "@/tests/support/redis-server";
import { signIn } from "../support/fixtures";
import type { TestUser } from "../support/factories";

export type InstanceName = "A" | "B";

export type Topology = {
  /** A browser context signed in as `user` on `preferred` (or the other instance while it is down), its co-editing socket routed there. */
  contextOn(browser: Browser, user: TestUser, preferred: InstanceName): Promise<BrowserContext>;
  /** Kills an instance at once, Next and its collaboration server (SIGKILL: nothing is stored on the way out). */
  kill(name: InstanceName): Promise<void>;
  /** Starts a killed instance again. */
  restart(name: InstanceName): Promise<void>;
  /** The port of an instance's collaboration server. */
  port(name: InstanceName): number;
  /** The documents each instance's collaboration server holds in memory (its /health). */
  health(name: InstanceName): Promise<{ documents: number; connections: number }>;
  stop(): Promise<void>;
};

type Instance = { app: AppServer; collab: CollabServer };

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through npm run test:e2e`);
  return value;
}

const running = (process: { exitCode: number | null; signalCode: NodeJS.Signals | null }) => process.exitCode === null && process.signalCode === null;

export async function startTopology(): Promise<Topology> {
  const redis: TestRedis = await startTestRedis();
  const databaseUrl = required("DATABASE_URL");
  const authSecret = required("AUTH_SECRET");
  const start = async (collabPort: number, appPort: number): Promise<Instance> => {
    const collab = await startCollabServer({
      root: process.cwd(),
      databaseUrl,
      authSecret,
      port: collabPort,
      redisUrl: redis.url,
      stdio: ["ignore", "ignore", "inherit"],
      env: { NODE_ENV: "production", TRUSTED_PROXIES: "127.0.0.1,::1" },
    });
    // The suite's session secret, so one sign-in is valid on every instance; the suite's first server runs the scheduler.
    const app = await startAppServer({
      root: process.cwd(),
      databaseUrl,
      preferredPort: appPort,
      env: { AUTH_SECRET: authSecret, NEXTAUTH_SECRET: authSecret, COLLAB_URL: collab.url, DISABLE_SCHEDULER: "1", TRUSTED_PROXIES: "127.0.0.1,::1" },
    });
    return { app, collab };
  };
  const ports = { A: { collab: 4100, app: 5100 }, B: { collab: 4600, app: 5600 } };
  const jitter = () => Math.floor(Math.random() * 400);
  const instances = new Map<InstanceName, Instance>();
  for (const name of ["A", "B"] as const) instances.set(name, await start(ports[name].collab + jitter(), ports[name].app + jitter()));
  const alive = (name: InstanceName) => {
    const instance = instances.get(name);
    return instance && running(instance.app.process) && running(instance.collab.process) ? instance : undefined;
  };
  const other = (name: InstanceName): InstanceName => (name === "A" ? "B" : "A");
  const get = (name: InstanceName) => {
    const instance = instances.get(name);
    if (!instance) throw new Error(`no instance ${name}`);
    return instance;
  };

  return {
    async contextOn(browser, user, preferred) {
      const home = alive(preferred) ?? alive(other(preferred));
      if (!home) throw new Error("both instances are down");
      const context = await browser.newContext({ baseURL: home.app.base });
      // The balancer: the socket of a page of either instance reaches `preferred` while it runs, else the other.
      await context.routeWebSocket(/\/collab$/, async (route) => {
        const target = alive(preferred) ?? alive(other(preferred));
        if (!target) return route.close();
        const page = new URL(route.url().replace(/^ws/, "http"));
        const cookie = (await context.cookies(page.origin)).map((c) => `${c.name}=${c.value}`).join("; ");
        const upstream = new WebSocket(`ws://127.0.0.1:${target.app.port}/collab`, { headers: { cookie, origin: page.origin, host: page.host } });
        const waiting: (string | Buffer)[] = [];
        route.onMessage((message) => (upstream.readyState === WebSocket.OPEN ? upstream.send(message) : waiting.push(message)));
        route.onClose(() => upstream.close());
        upstream.on("open", () => {
          for (const message of waiting.splice(0)) upstream.send(message);
        });
        upstream.on("message", (data: Buffer, isBinary) => route.send(isBinary ? data : data.toString()));
        upstream.on("close", () => void route.close().catch(() => undefined));
        upstream.on("error", () => void route.close().catch(() => undefined));
      });
      const page = await context.newPage();
      await page.goto("/login");
      await signIn(page, user.email, user.password);
      await page.waitForURL("**/dashboard");
      await page.close();
      return context;
    },
    async kill(name) {
      const instance = get(name);
      instance.app.process.kill("SIGKILL");
      await instance.collab.stop("SIGKILL");
    },
    async restart(name) {
      const instance = get(name);
      instances.set(name, await start(instance.collab.port, instance.app.port));
    },
    port(name) {
      return get(name).collab.port;
    },
    async health(name) {
      const instance = alive(name);
      if (!instance) return { documents: 0, connections: 0 };
      return (await (await fetch(`${instance.collab.url}/health`)).json()) as { documents: number; connections: number };
    },
    async stop() {
      await Promise.all([...instances.values()].flatMap(({ app, collab }) => [app.stop(), collab.stop()]));
      await redis.stop();
    },
  };
}
