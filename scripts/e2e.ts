/**
 * `npm run test:e2e`: Playwright in Chromium against `next start` (the production build) and the collaboration server
 * beside it (started here, stopped at the end; Next forwards /collab to it through COLLAB_URL), on a throwaway
 * embedded PostgreSQL seeded with the demo newsroom, so the dev data in .data/ is never touched. The co-editing specs
 * with two app instances start their own pair beside this one (e2e/coediting/topology.ts).
 *
 * The database-outage spec (project "db-outage", run last and alone) stops and starts this PostgreSQL through a small
 * control endpoint on 127.0.0.1 (E2E_DB_CONTROL_URL: POST /stop, POST /start): the runner owns the postgres process,
 * so it is the one to halt and resume it, and it still stops it for good at the end.
 *
 * Chromium: Playwright's own build if installed, else the system's /usr/bin/chromium; as root with apt-get, Debian's
 * `chromium` package is installed; otherwise we stop and say how to get one. Nothing downloads a browser.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { assertLocalDatabaseUrl, findFreePort, makeThrowawayDir } from "./db/embedded";
import { prepareDatabase, type PreparedDatabase } from "./db/prepare";
import { startCollabServer } from "./lib/collab-server";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

function findChromium(): string {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* Playwright's browser is not installed: fine */
  }
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system) return system;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("[e2e] no Chromium found: installing Debian's chromium package with apt-get");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    const installed = SYSTEM_CHROMIUM.find((p) => existsSync(p));
    if (installed) return installed;
  }
  console.error(
    "[e2e] No Chromium to test with. Install one without downloading a Playwright build, e.g. on Debian/Ubuntu:\n" +
      "        sudo apt-get install chromium\n" +
      "      or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
  process.exit(1);
}

/** POST /stop and POST /start halt and resume the embedded PostgreSQL; each answers 204 once it is done. */
async function startDatabaseControl(embedded: NonNullable<PreparedDatabase["embedded"]>): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    const action = req.method === "POST" && req.url === "/stop" ? embedded.halt : req.method === "POST" && req.url === "/start" ? embedded.resume : null;
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    console.log(`[e2e] PostgreSQL ${req.url === "/stop" ? "stopping" : "starting"} (db-outage spec)`);
    action().then(
      () => res.writeHead(204).end(),
      (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function main() {
  if (!existsSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.error("[e2e] There is no production build: run `npm run build` first (npm test does).");
    process.exit(1);
  }
  const browser = process.env.CHROMIUM_PATH || findChromium();
  const given = process.env.TEST_DATABASE_URL;
  if (given) assertLocalDatabaseUrl(given);
  // Uploaded media go to a throwaway folder too, never .data/media.
  process.env.MEDIA_LOCAL_DIR ??= mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-media-"));
  // Without SMTP the servers write newsletters and their confirmations as .eml files: here, where the newsletter
  // specs read them (e2e/support/mail-files.ts), never .data/mail.
  process.env.MAIL_DIR ??= mkdtempSync(path.join(os.tmpdir(), "dateline-e2e-mail-"));
  const prepared = await prepareDatabase({
    url: given,
    dataDir: given ? undefined : makeThrowawayDir("dateline-e2e"),
    database: "dateline_e2e",
    throwaway: true,
    log: (line) => console.log(`[e2e] ${line}`),
  });
  const control = prepared.embedded ? await startDatabaseControl(prepared.embedded) : null;
  const port = await findFreePort(Number.parseInt(process.env.E2E_PORT ?? "3100", 10));
  const secret = randomBytes(32).toString("base64url");
  const collabPort = await findFreePort(port + 1);
  const collab = await startCollabServer({ root: process.cwd(), databaseUrl: prepared.url, authSecret: secret, port: collabPort, env: { NODE_ENV: "production", TRUSTED_PROXIES: "127.0.0.1,::1" } });
  // A second instance on the same database, for the specs where something happens "on another instance" (live
  // coverage: an entry posted there reaches a reader here through PostgreSQL, as in the cluster).
  const secondPort = await findFreePort(collabPort + 1);
  const env = {
    ...process.env,
    DATABASE_URL: prepared.url,
    AUTH_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: `http://localhost:${port}`,
    SITE_URL: `http://localhost:${port}`,
    E2E_PORT: String(port),
    E2E_SECOND_PORT: String(secondPort),
    COLLAB_URL: collab.url,
    // The specs stand in for a proxy on this machine: their X-Forwarded-For gives each test a client address of its
    // own (the sign-in limits count per address), and e2e/auth/client-address.spec.ts checks forged ones.
    TRUSTED_PROXIES: "127.0.0.1,::1",
    CHROMIUM_PATH: browser,
    MEDIA_LOCAL_DIR: process.env.MEDIA_LOCAL_DIR,
    MAIL_DIR: process.env.MAIL_DIR,
    // Unset with TEST_DATABASE_URL: the runner does not own that server, and the db-outage spec skips.
    E2E_DB_CONTROL_URL: control?.url ?? "",
    // Specs call the real data layer (e.g. to publish); its modules are marked `server-only`, which resolves to an
    // empty module under the react-server condition, as it does inside Next's server.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--conditions=react-server"].filter(Boolean).join(" "),
  };
  const playwrightCli = path.join(process.cwd(), "node_modules", "@playwright", "test", "cli.js");
  const child = spawn(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], { stdio: "inherit", env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  control?.close();
  await collab.stop();
  await prepared.embedded?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
