/**
 * The app's Prisma client singleton. Only lib/data/* imports it (eslint enforces that for app/ and components/).
 * The password hash is omitted from every query by default; the one query that needs it asks for it explicitly.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "./client";

export type { Db };

const globalForPrisma = globalThis as unknown as { datelinePrisma?: Db };

export function getDb(): Db {
  globalForPrisma.datelinePrisma ??= createPrismaClient(getEnv().databaseUrl);
  return globalForPrisma.datelinePrisma;
}
