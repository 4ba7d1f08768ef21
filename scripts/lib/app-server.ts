/**
 * Helpers shared by the scripts that run the production app against their own throwaway database (the benchmark,
 * the fault and concurrency drills): make sure there is a build, start the production server on a free port (the
 * standalone server.js that `npm start` runs: `next start` only warns that it does not work with standalone output),
 * sign in through next-auth's credentials endpoint, stop the server.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "../db/embedded";
import { prepareStandalone, standaloneEnv, standaloneNodeArgs } from "../standalone";

const nextBin = (root: string) => path.join(root, "node_modules/next/dist/bin/next");

/** Builds with `next build` when there is no production build (or when `force` is set). */
export function ensureBuild(root: string, options: { force?: boolean; log?: (line: string) => void } = {}) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!options.force && existsSync(path.join(root, distDir, "BUILD_ID"))) return;
  options.log?.("building (next build)…");
  execFileSync(process.execPath, [nextBin(root), "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

export async function waitForHttp(url: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export type AppServer = { base: string; port: number; process: ChildProcess; stop(): Promise<void> };

/** Starts the standalone server on `databaseUrl` with a fresh AUTH_SECRET, and waits until it answers. */
export async function startAppServer(options: {
  root: string;
  databaseUrl: string;
  preferredPort?: number;
  /** Where the server's stdout goes; stderr is always shown. */
  stdout?: "ignore" | "inherit";
  /** More environment for the server (e.g. TRUSTED_PROXIES). */
  env?: Record<string, string>;
}): Promise<AppServer> {
  const port = await findFreePort(options.preferredPort ?? 3300);
  const base = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const standalone = prepareStandalone(options.root);
  const child = spawn(process.execPath, [...standaloneNodeArgs(), standalone.server], {
    cwd: standalone.dir,
    stdio: ["ignore", options.stdout ?? "ignore", "inherit"],
    env: {
      ...process.env,
      // All addresses, as `npm start` and the cluster bind: bound to 127.0.0.1, Next takes its own middleware
      // rewrites (/search → its results page, a gone article → /gone) for another origin and proxies them to itself
      // over HTTP, and under load those inner requests queue behind the outer ones (lib/traffic/reader-queue.ts).
      ...standaloneEnv(options.root, port, "0.0.0.0"),
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      SITE_URL: base,
      ...options.env,
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await exited;
  };
  try {
    await waitForHttp(`${base}/login`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, port, process: child, stop };
}

/** Signs in through next-auth's credentials flow and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`Could not sign in as ${email} (status ${res.status})`);
  return session;
}
