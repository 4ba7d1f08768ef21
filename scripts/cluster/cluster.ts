/**
 * Starts and stops the cluster topology (docs/deploy.md): Redis, N app instances (a standalone Next server and the
 * collaboration server beside it, each on its own port; the collaboration servers share documents through Redis),
 * nginx in front on one port (/collab goes to the collaboration servers), and the front-cache refresher. PostgreSQL is prepared by the caller (the CLI uses the
 * embedded one under .data/ or DATABASE_URL; tests a throwaway one), so this module can be driven by tests and the
 * benchmark as well as by `npm run cluster`.
 *
 * Everything lives under one directory (default .data/cluster): nginx.conf, nginx's cache and logs, Redis's data and
 * each instance's log. `stop()` ends every process it started and waits for them.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, openSync, closeSync, writeFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "../db/embedded";
import { startCollabServer, type CollabServer } from "../lib/collab-server";
import { prepareStandalone, standaloneEnv, standaloneNodeArgs } from "../standalone";
import { nginxConfig } from "./nginx";
import { startRefresher, type Refresher } from "./refresher";

export type ClusterOptions = {
  root?: string;
  dir?: string;
  instances: number;
  port: number;
  databaseUrl: string;
  /** An existing Redis; when absent one is started under <dir>/redis. */
  redisUrl?: string;
  authSecret: string;
  /** Public URL readers use (NEXTAUTH_URL, SITE_URL); default http://localhost:<port>. */
  siteUrl?: string;
  env?: Record<string, string>;
  /** Extra environment for one instance (0-based index), e.g. to turn its scheduler off. */
  instanceEnv?: (index: number) => Record<string, string>;
  log?: (line: string) => void;
};

/** One app instance: Next on `port`, its collaboration server on `collabPort`; kill() stops both, start() both again. */
export type Instance = {
  index: number;
  port: number;
  collabPort: number;
  process: ChildProcess | null;
  collab: CollabServer | null;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export type Cluster = {
  port: number;
  url: string;
  dir: string;
  redisUrl: string;
  instances: Instance[];
  refreshToken: string;
  refresher: Refresher;
  /** Stops and starts the Redis this cluster started (for tests of Redis going away). */
  redis: { stop(): Promise<void>; start(): Promise<void> };
  stop(): Promise<void>;
};

const NGINX_BINS = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];
const REDIS_BINS = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"];

function which(candidates: string[], name: string): string | null {
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** nginx and redis-server from Debian's packages: installed with apt-get when missing and we are root. */
export function ensureServerBinaries(log: (line: string) => void, needRedis = true): { nginx: string; redis: string | null } {
  let nginx = which(NGINX_BINS, "nginx");
  let redis = needRedis ? which(REDIS_BINS, "redis-server") : null;
  const missing = [!nginx ? "nginx" : null, needRedis && !redis ? "redis-server" : null].filter((x): x is string => x !== null);
  if (missing.length) {
    const isRoot = process.getuid?.() === 0;
    const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
    if (!isRoot || !hasApt) {
      throw new Error(
        `Cluster mode needs ${missing.join(" and ")}. Install ${missing.length > 1 ? "them" : "it"} first, e.g. on Debian/Ubuntu:\n` +
          `    sudo apt-get update && sudo apt-get install -y ${missing.map((m) => (m === "nginx" ? "nginx-light" : m)).join(" ")}`,
      );
    }
    log(`installing ${missing.join(" and ")} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", ...missing.map((m) => (m === "nginx" ? "nginx-light" : m))], { stdio: "inherit", env });
    nginx = which(NGINX_BINS, "nginx");
    redis = needRedis ? which(REDIS_BINS, "redis-server") : null;
    if (!nginx || (needRedis && !redis)) throw new Error(`apt-get did not provide ${missing.join(" and ")}`);
  }
  return { nginx: nginx as string, redis };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`process for ${url} exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`; fails if `child` exits first or on timeout. */
export async function waitForTcp(port: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const net = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`process on port ${port} exited early`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createConnection({ host: "127.0.0.1", port });
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function chownTree(dir: string, uid: number, gid: number) {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) chownTree(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}

/** Whether every directory above `dir` lets other users through (o+x), as nginx's unprivileged workers need. */
function traversableByOthers(dir: string): boolean {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/** The unprivileged user nginx's workers run as when we are root (they must write the cache directory). */
function nginxWorkerUser(dir: string, log: (line: string) => void): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  if (!traversableByOthers(dir)) {
    log(`nginx workers run as root: a directory above ${dir} is closed to other users (chmod o+x it to use www-data)`);
    return { name: "root", uid: 0, gid: 0 };
  }
  for (const name of ["www-data", "nginx", "nobody"]) {
    const r = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (r.status === 0 && g.status === 0) return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  }
  return null;
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const root = o.root ?? process.cwd();
  const dir = path.resolve(root, o.dir ?? path.join(".data", "cluster"));
  const log = o.log ?? ((line: string) => console.log(`[cluster] ${line}`));
  const standalone = prepareStandalone(root);
  const bins = ensureServerBinaries(log, !o.redisUrl);
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const s of started.splice(0).reverse()) await s.stop().catch(() => {});
  };

  for (const sub of ["logs", "redis", "nginx/logs", "nginx/cache", "nginx/temp"]) mkdirSync(path.join(dir, sub), { recursive: true });
  for (const d of [dir, path.join(dir, "nginx")]) chmodSync(d, 0o755);

  try {
    // Redis: shared cache entries for every instance (cache-handlers/redis-store.cjs).
    let redisUrl = o.redisUrl ?? "";
    let redisProcess: ChildProcess | null = null;
    let redisPort = 0;
    const startRedis = async () => {
      const logFd = openSync(path.join(dir, "logs", "redis.log"), "a");
      const child = spawn(
        bins.redis as string,
        ["--port", String(redisPort), "--bind", "127.0.0.1", "--dir", path.join(dir, "redis"), "--save", "", "--appendonly", "no",
          "--maxmemory", process.env.CLUSTER_REDIS_MAXMEMORY || "512mb", "--maxmemory-policy", "allkeys-lru", "--daemonize", "no", "--protected-mode", "yes"],
        { stdio: ["ignore", logFd, logFd] },
      );
      closeSync(logFd);
      redisProcess = child;
      await waitForTcp(redisPort, 10_000, child);
    };
    const stopRedis = async () => {
      const child = redisProcess;
      redisProcess = null;
      if (!child) return;
      child.kill("SIGTERM");
      await waitForExit(child, 5_000);
    };
    if (!redisUrl) {
      redisPort = await findFreePort(Number.parseInt(process.env.CLUSTER_REDIS_PORT || "6390", 10));
      await startRedis();
      redisUrl = `redis://127.0.0.1:${redisPort}`;
      started.push({ stop: stopRedis });
      log(`Redis ready on 127.0.0.1:${redisPort}`);
    }

    const siteUrl = o.siteUrl ?? `http://localhost:${o.port}`;
    const refreshToken = randomBytes(24).toString("base64url");

    // Next instances, each on its own port, all on the same database and Redis.
    const taken: number[] = [o.port];
    const freePort = async (preferred: number) => {
      let p = await findFreePort(preferred);
      while (taken.includes(p)) p = await findFreePort();
      taken.push(p);
      return p;
    };
    const ports: number[] = [];
    const collabPorts: number[] = [];
    for (let i = 0; i < o.instances; i++) ports.push(await freePort(o.port + 1 + i));
    for (let i = 0; i < o.instances; i++) collabPorts.push(await freePort(o.port + 101 + i));
    const instances: Instance[] = ports.map((port, index) => {
      const collabPort = collabPorts[index]!;
      const instance: Instance = {
        index,
        port,
        collabPort,
        process: null,
        collab: null,
        async start() {
          const collabLog = openSync(path.join(dir, "logs", `collab-${index + 1}.log`), "a");
          instance.collab = await startCollabServer({
            root,
            databaseUrl: o.databaseUrl,
            authSecret: o.authSecret,
            port: collabPort,
            redisUrl,
            stdio: ["ignore", collabLog, collabLog],
            env: { NODE_ENV: "production", TRUSTED_PROXIES: "127.0.0.1,::1", ...o.env, ...o.instanceEnv?.(index) },
          }).finally(() => closeSync(collabLog));
          if (instance.collab.port !== collabPort) throw new Error(`the collaboration server of instance ${index + 1} could not have port ${collabPort} again`);
          const logFd = openSync(path.join(dir, "logs", `app-${index + 1}.log`), "a");
          const child = spawn(process.execPath, [...standaloneNodeArgs(), standalone.server], {
            cwd: standalone.dir,
            stdio: ["ignore", logFd, logFd],
            env: {
              ...process.env,
              // All interfaces, as `npm start` and Next's default: bound to 127.0.0.1, Next 16's standalone server
              // takes its own rewrites (proxy.ts: /gone with 410, search results) for another host's and proxies them
              // to itself over HTTP, which loops for /gone (a 30 s hang, then 500). tests/cluster-topology catches it.
              ...standaloneEnv(root, port, "0.0.0.0"),
              DATABASE_URL: o.databaseUrl,
              REDIS_URL: redisUrl,
              AUTH_SECRET: o.authSecret,
              NEXTAUTH_SECRET: o.authSecret,
              NEXTAUTH_URL: siteUrl,
              SITE_URL: process.env.SITE_URL ?? siteUrl,
              DATELINE_INSTANCE: String(index + 1),
              COLLAB_URL: `http://127.0.0.1:${collabPort}`,
              // nginx runs on this machine and is the only proxy: its X-Forwarded-For entry is the client.
              TRUSTED_PROXIES: "127.0.0.1,::1",
              // Behind nginx readers are served from its cache; what reaches an instance is misses and the refresher's
              // renders after a publish, which a reader queue would only hold back (decision 0023).
              READER_CONCURRENCY: process.env.READER_CONCURRENCY ?? "0",
              ...o.env,
              ...o.instanceEnv?.(index),
            },
          });
          closeSync(logFd);
          instance.process = child;
          await waitForHttp(`http://127.0.0.1:${port}/login`, 60_000, child);
        },
        async kill(signal = "SIGTERM") {
          const child = instance.process;
          const collab = instance.collab;
          instance.process = null;
          instance.collab = null;
          if (child) {
            child.kill(signal);
            await waitForExit(child, 8_000);
          }
          await collab?.stop(signal);
        },
      };
      return instance;
    });
    started.push({ stop: async () => void (await Promise.all(instances.map((i) => i.kill()))) });
    await Promise.all(instances.map((i) => i.start()));
    log(`${instances.length} Next instances ready on ${ports.map((p) => `127.0.0.1:${p}`).join(", ")}, their collaboration servers on ${collabPorts.join(", ")} (logs in ${path.relative(root, dir)}/logs)`);

    // nginx in front.
    const worker = nginxWorkerUser(path.join(dir, "nginx"), log);
    const nginxDir = path.join(dir, "nginx");
    const confFile = path.join(nginxDir, "nginx.conf");
    writeFileSync(
      confFile,
      nginxConfig({ prefix: nginxDir, port: o.port, upstreams: ports, collabUpstreams: collabPorts, refreshToken, user: worker?.name ?? null, staticDir: path.join(standalone.distDir, "static") }),
    );
    if (worker) for (const sub of ["cache", "temp"]) chownTree(path.join(nginxDir, sub), worker.uid, worker.gid);
    const test = spawnSync(bins.nginx, ["-t", "-q", "-p", nginxDir, "-c", confFile], { encoding: "utf8" });
    if (test.status !== 0) throw new Error(`nginx rejected ${confFile}:\n${test.stderr}`);
    const nginxLog = openSync(path.join(dir, "logs", "nginx.log"), "a");
    const nginx = spawn(bins.nginx, ["-p", nginxDir, "-c", confFile, "-g", "daemon off;"], { stdio: ["ignore", nginxLog, nginxLog] });
    closeSync(nginxLog);
    started.push({
      stop: async () => {
        nginx.kill("SIGQUIT"); // graceful: finish in-flight requests
        await waitForExit(nginx, 8_000);
      },
    });
    await waitForTcp(o.port, 10_000, nginx);
    log(`nginx ready on port ${o.port} (config ${path.relative(root, confFile)})`);

    const refresher = await startRefresher({
      databaseUrl: o.databaseUrl,
      nginxPort: o.port,
      refreshToken,
      cacheDir: path.join(nginxDir, "cache"),
      log: process.env.CLUSTER_VERBOSE ? log : undefined,
    });
    started.push({ stop: () => refresher.stop() });

    return {
      port: o.port,
      url: `http://127.0.0.1:${o.port}`,
      dir,
      redisUrl,
      instances,
      refreshToken,
      refresher,
      redis: {
        stop: () => (redisPort ? stopRedis() : Promise.reject(new Error("this cluster uses an outside Redis (REDIS_URL)"))),
        start: () => (redisPort ? startRedis() : Promise.reject(new Error("this cluster uses an outside Redis (REDIS_URL)"))),
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
