/**
 * Builds a Prisma client on the pg driver adapter. The app uses the singleton in lib/db/index.ts; tooling that runs
 * outside Next (seed, benchmarks, tests) calls this directly with its own connection string.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  // A connection attempt that gets no answer (a server stopping, a dropped network) fails after 5 s instead of
  // holding the request forever; a refused one fails at once. Either way the pool reconnects on the next query.
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  return createPrismaClientWithAdapter(adapter);
}

/** The same client on another adapter (the read-replica router's, lib/db/replica-router.ts). */
export function createPrismaClientWithAdapter(adapter: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;

/** The client inside `db.$transaction(async (tx) => …)`; functions that take part in a caller's transaction take it. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
