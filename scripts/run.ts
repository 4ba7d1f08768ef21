/**
 * `npm run dev` and `npm start`: get the database ready (embedded PostgreSQL unless DATABASE_URL is set; migrations;
 * seed on first run), start the collaboration server (collab-server/, on COLLAB_PORT, default the port after Next's),
 * then run `next dev` or the standalone production server (scripts/standalone.ts; what `next start` would run,
 * faster) with DATABASE_URL, AUTH_SECRET, NEXTAUTH_URL and COLLAB_URL set (Next forwards /collab there).
 *
 * Shutdown order matters: on Ctrl-C (SIGINT to the whole process group) or SIGTERM we wait for Next to exit, then for
 * the collaboration server (it stores its open documents), then stop PostgreSQL, so no postgres process or stale
 * lock is left behind.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "./db/embedded";
import { prepareDatabase, printDemoAccounts } from "./db/prepare";
import { startCollabServer } from "./lib/collab-server";
import { prepareStandalone, standaloneEnv, standaloneNodeArgs, type Standalone } from "./standalone";

const arg = process.argv[2];
if (arg !== "dev" && arg !== "start") {
  console.error("usage: node --import tsx scripts/run.ts dev|start");
  process.exit(2);
}
const mode: "dev" | "start" = arg;

const root = process.cwd();
const dataDir = path.join(root, ".data");
const log = (line: string) => console.log(`[dateline] ${line}`);

function authSecret(): string {
  const given = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (given) return given;
  if (mode === "start") {
    console.error(
      "[dateline] AUTH_SECRET is not set. Production (`npm start`) requires it: a random string of at least 32 characters,\n" +
        "           for example: AUTH_SECRET=$(openssl rand -base64 32) npm start",
    );
    process.exit(1);
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  log("generated a development AUTH_SECRET in .data/auth-secret");
  return secret;
}

async function main() {
  const secret = authSecret();
  let standalone: Standalone | null = null;
  if (mode === "start") {
    try {
      standalone = prepareStandalone(root);
    } catch (error) {
      console.error(`[dateline] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }

  const prepared = await prepareDatabase({ url: process.env.DATABASE_URL || undefined, log });
  if (prepared.seededNow) printDemoAccounts((line) => console.log(line));

  const requestedPort = Number.parseInt(process.env.PORT ?? "3000", 10);
  const port = await findFreePort(requestedPort);
  if (port !== requestedPort) log(`port ${requestedPort} is busy; using ${port}`);
  const siteUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const collab = await startCollabServer({
    root,
    databaseUrl: prepared.url,
    authSecret: secret,
    port: Number.parseInt(process.env.COLLAB_PORT ?? String(port + 1), 10),
    env: mode === "start" ? { NODE_ENV: "production" } : {},
  }).catch(async (error: unknown) => {
    await prepared.embedded?.stop();
    throw error;
  });

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const command = standalone ? [...standaloneNodeArgs(), standalone.server] : [nextBin, mode, "-p", String(port)];
  const child = spawn(process.execPath, command, {
    stdio: "inherit",
    cwd: standalone?.dir ?? root,
    env: {
      ...process.env,
      DATABASE_URL: prepared.url,
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: siteUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      SITE_URL: process.env.SITE_URL ?? siteUrl,
      COLLAB_URL: collab.url,
      PORT: String(port),
      ...(standalone ? standaloneEnv(root, port, process.env.HOST || "0.0.0.0") : {}),
    },
  });
  log(`${mode === "dev" ? "development" : "production"} server starting on ${siteUrl}`);

  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await collab.stop();
    if (prepared.embedded) {
      await prepared.embedded.stop();
      log("embedded PostgreSQL stopped");
    }
    process.exit(code);
  };

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // Ctrl-C already reached Next through the process group; a SIGTERM from a supervisor did not.
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      if (collab.process.exitCode === null && collab.process.signalCode === null) collab.process.kill(signal);
    });
  }
  child.on("exit", (code, signal) => {
    void shutdown(code ?? (signal ? 0 : 1));
  });
  collab.process.on("exit", (code) => {
    if (!shuttingDown) log(`the collaboration server stopped (code ${code}); co-editing is offline until a restart`);
  });
}

main().catch((error: unknown) => {
  console.error(`[dateline] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
