/**
 * Direct database access for test set-up only (factories), on the throwaway database the e2e runner created.
 * Tests assert through the browser; this only makes unique data for them.
 */
import { createPrismaClient, type Db } from "@/lib/db/client";

let db: Db | undefined;

export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run e2e tests with `npm run test:e2e`.");
  db ??= createPrismaClient(url, { max: 2 });
  return db;
}
