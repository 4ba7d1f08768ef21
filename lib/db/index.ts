/**
 * The app's Prisma clients. Only lib/data/* imports them (eslint enforces that for app/ and components/).
 * The password hash is omitted from every query by default; the one query that needs it asks for it explicitly.
 *
 * - getDb(): the primary. Writes, the dashboard, admin, auth, the scheduler, rate limits, every transaction.
 * - getPublicReadDb(): the public site's reads (published-only queries behind publicQuery). With
 *   DATABASE_REPLICA_URL set they go to a replica that has replayed every commit this process knows of, else to
 *   the primary (lib/db/replica-router.ts, docs/decisions/0009-read-replicas.md). Without it, they use a pool of
 *   their own on the primary, so a burst of reader renders never holds every connection an editor's save or the
 *   scheduler needs (docs/decisions/0023-staff-first-under-reader-load.md).
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, createPrismaClientWithAdapter, type Db } from "./client";
import { ReplicaRouter } from "./replica-router";

export type { Db };

const globalForPrisma = globalThis as unknown as {
  datelinePrisma?: Db;
  datelinePublicReadDb?: Db;
  datelineReplicaRouter?: ReplicaRouter | null;
};

/** The process's replica router, or null when no replica is configured. */
export function getReplicaRouter(): ReplicaRouter | null {
  if (globalForPrisma.datelineReplicaRouter !== undefined) return globalForPrisma.datelineReplicaRouter;
  const env = getEnv();
  const router =
    env.databaseReplicaUrls.length === 0
      ? null
      : new ReplicaRouter({ primaryUrl: env.databaseUrl, replicaUrls: env.databaseReplicaUrls, log: (line) => console.warn(`[dateline] ${line}`) });
  globalForPrisma.datelineReplicaRouter = router;
  return router;
}

export function getDb(): Db {
  if (!globalForPrisma.datelinePrisma) {
    const router = getReplicaRouter();
    globalForPrisma.datelinePrisma = router
      ? createPrismaClientWithAdapter(router.primaryAdapter())
      : createPrismaClient(getEnv().databaseUrl, { max: STAFF_POOL_SIZE });
  }
  return globalForPrisma.datelinePrisma;
}

/**
 * Connections per pool. Staff work holds a connection for a whole interactive transaction (a save, the scheduler's
 * publish), and under load five editors, the dashboard's parallel reads and the scheduler outgrew 10: requests then
 * waited 5 s for a connection and failed (decision 0023). Public reads have their own, smaller pool.
 */
const STAFF_POOL_SIZE = 20;
const PUBLIC_READ_POOL_SIZE = 6;

/** For public, published-only reads outside a transaction. Never write through it. */
export function getPublicReadDb(): Db {
  const router = getReplicaRouter();
  globalForPrisma.datelinePublicReadDb ??= router
    ? createPrismaClientWithAdapter(router.publicReadAdapter())
    : createPrismaClient(getEnv().databaseUrl, { max: PUBLIC_READ_POOL_SIZE });
  return globalForPrisma.datelinePublicReadDb;
}
