/**
 * Starts the collaboration server (collab-server/index.ts) as a child process beside an app instance: used by
 * `npm run dev`/`npm start` (scripts/run.ts), the cluster, the e2e runner, the benchmark and the tests. It runs from
 * the checkout with tsx, under the react-server condition that makes the data layer's `server-only` imports empty,
 * as they are inside Next's server.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { findFreePort } from "../db/embedded";

export type CollabServer = {
  port: number;
  /** Where Next's proxy forwards /collab (COLLAB_URL), and GET /health. */
  url: string;
  process: ChildProcess;
  /** SIGTERM (or `signal`), and waits for the exit: open documents are stored first. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

export type CollabServerOptions = {
  root: string;
  databaseUrl: string;
  authSecret: string;
  /** A port to try first; the next free one is used when it is busy. */
  port?: number;
  host?: string;
  redisUrl?: string;
  env?: Record<string, string>;
  stdio?: StdioOptions;
  /** Extra flags for node (the benchmark's --expose-gc). */
  nodeOptions?: string[];
};

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const port = await findFreePort(options.port ?? 3001);
  const host = options.host ?? "127.0.0.1";
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), "--conditions=react-server", "--import", "tsx", path.join(options.root, "collab-server", "index.ts")], {
    cwd: options.root,
    stdio: options.stdio ?? ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      NEXTAUTH_SECRET: options.authSecret,
      COLLAB_PORT: String(port),
      COLLAB_HOST: host,
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the collaboration server exited early (code ${child.exitCode})`);
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(`the collaboration server did not answer on ${url} within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { port, url, process: child, stop };
}
