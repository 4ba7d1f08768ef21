/**
 * `npm run cluster [-- --instances N --port P]`: the production topology on one machine (docs/deploy.md).
 *
 * PostgreSQL (embedded under .data/postgres, or DATABASE_URL; with --replica also a streaming replica of it under
 * .data/cluster/replica, passed to the instances as DATABASE_REPLICA_URL), Redis (started under .data/cluster/redis, or
 * REDIS_URL), N standalone Next instances (default: one per core, at least 2) and nginx in front on port P (default
 * 8080, or CLUSTER_PORT). Needs a build (`npm run build`) and AUTH_SECRET. Ctrl-C or SIGTERM stops everything, in
 * order: nginx, the instances, Redis, then PostgreSQL.
 */
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../db/embedded";
import { prepareDatabase, printDemoAccounts } from "../db/prepare";
import { startStreamingReplica, type StreamingReplica } from "../lib/streaming-replica";
import { startCluster, type Cluster } from "./cluster";

const log = (line: string) => console.log(`[cluster] ${line}`);

function parseArgs(argv: string[]): { instances: number; port: number; replica: boolean } {
  let instances = Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
  let port = Number.parseInt(process.env.CLUSTER_PORT || "8080", 10);
  let replica = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? "").split("=", 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--instances" || flag === "-n") instances = Number.parseInt(value() ?? "", 10);
    else if (flag === "--port" || flag === "-p") port = Number.parseInt(value() ?? "", 10);
    else if (flag === "--replica") replica = true;
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: npm run cluster [-- --instances N] [--port P] [--replica]");
      process.exit(0);
    } else {
      console.error(`[cluster] unknown option ${argv[i]} (try --help)`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(instances) || instances < 1 || instances > 64) throw new Error("--instances must be a whole number from 1 to 64");
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("--port must be a TCP port number");
  return { instances, port, replica };
}

async function main() {
  const { instances, port, replica: withReplica } = parseArgs(process.argv.slice(2));
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) {
    console.error(
      "[cluster] AUTH_SECRET is not set. Cluster mode is production: set a random string of at least 32 characters,\n" +
        "          for example: AUTH_SECRET=$(openssl rand -base64 32) npm run cluster",
    );
    process.exit(1);
  }
  if ((await findFreePort(port)) !== port) throw new Error(`port ${port} is busy: choose another with --port or CLUSTER_PORT`);

  const prepared = await prepareDatabase({ url: process.env.DATABASE_URL || undefined, log });
  if (prepared.seededNow) printDemoAccounts((line) => console.log(line));

  let cluster: Cluster | null = null;
  let replica: StreamingReplica | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    await cluster?.stop();
    await replica?.halt();
    await prepared.embedded?.stop();
    log("stopped");
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  try {
    let env: Record<string, string> | undefined;
    if (withReplica) {
      if (!prepared.embedded) throw new Error("--replica streams from the embedded PostgreSQL; with DATABASE_URL, run your own replica and set DATABASE_REPLICA_URL");
      replica = await startStreamingReplica({ primaryUrl: prepared.embedded.url("postgres"), dataDir: path.join(process.cwd(), ".data", "cluster", "replica"), log });
      env = { DATABASE_REPLICA_URL: replica.url(new URL(prepared.url).pathname.slice(1)) };
    }
    cluster = await startCluster({ instances, port, databaseUrl: prepared.url, redisUrl: process.env.REDIS_URL || undefined, authSecret: secret, env, log });
  } catch (error) {
    console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }
  if (stopping) return;
  log(`Dateline is serving on http://localhost:${port} (${instances} instances behind nginx). Ctrl-C stops everything.`);
  // An instance that dies is reported; nginx routes around it.
  for (const instance of cluster.instances) {
    instance.process?.on("exit", (code, signal) => {
      if (!stopping) log(`instance ${instance.index + 1} (port ${instance.port}) exited (${signal ?? code}); nginx sends its traffic to the others`);
    });
  }
}

main().catch((error: unknown) => {
  console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
