/**
 * Gets a database ready for the app: the embedded PostgreSQL when no URL is given, then migrations, then the demo
 * seed when the database has no users. Shared by `npm run dev`, `npm start`, the e2e runner and the benchmark.
 */
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/prisma/seed";
import { shownPath, startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

export type PreparedDatabase = { url: string; embedded: EmbeddedServer | null; seededNow: boolean };

export async function prepareDatabase(options: {
  url?: string;
  dataDir?: string;
  database?: string;
  throwaway?: boolean;
  seed?: boolean;
  log?: (line: string) => void;
}): Promise<PreparedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  let embedded: EmbeddedServer | null = null;
  let url = options.url;
  if (!url) {
    const dataDir = options.dataDir ?? path.join(process.cwd(), ".data", "postgres");
    const database = options.database ?? "dateline";
    embedded = await startEmbeddedPostgres({ dataDir, database, throwaway: options.throwaway, log });
    url = embedded.url(database);
    log(`embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (data in ${shownPath(dataDir)})`);
  }
  try {
    const migrated = await applyMigrations(url, { log });
    if (migrated.applied.length === 0) log("database schema is up to date");
    let seededNow = false;
    if (options.seed !== false) {
      const db = createPrismaClient(url, { max: 4 });
      try {
        if ((await db.user.count()) === 0) {
          const result = await seedDemo(db);
          seededNow = result.created;
          log(`seeded the demo newsroom (${result.articles} articles)`);
        }
      } finally {
        await db.$disconnect();
      }
    }
    return { url, embedded, seededNow };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export function printDemoAccounts(log: (line: string) => void = console.log) {
  log("");
  log("  Demo accounts (password for all: " + DEMO_PASSWORD + ")");
  for (const account of DEMO_ACCOUNTS) log(`    ${account.role.padEnd(10)} ${account.email}`);
  log("");
}
