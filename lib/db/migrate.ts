/**
 * Applies prisma/migrations/*\/migration.sql with plain `pg`, writing `_prisma_migrations` exactly as Prisma's
 * `migrate deploy` does, so the real CLI (on a machine that has Prisma's native engine) agrees with what we applied.
 * Why not the CLI: Prisma 7 cannot download its schema engine here (docs/decisions/0001-database.md).
 *
 * Each migration runs in its own transaction under Prisma's advisory lock, so several app instances starting at
 * once apply each migration exactly once.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The lock id Prisma's migrate uses, so our runner and the real CLI never run at the same time. */
const PRISMA_ADVISORY_LOCK = 72707369;

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`.replace(" UNSIGNED", "");

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir);
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed) {
        throw new Error(
          `Migration "${failed.migration_name}" is recorded as failed in _prisma_migrations. ` +
            `Fix the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
            `WHERE migration_name = '${failed.migration_name}') before starting again.`,
        );
      }
      const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
      const applied: string[] = [];
      for (const m of migrations) {
        const previous = done.get(m.name);
        if (previous !== undefined) {
          if (previous !== m.checksum) {
            log(`warning: migration ${m.name} was edited after it was applied (checksum differs)`);
          }
          continue;
        }
        const id = randomUUID();
        await client.query("BEGIN");
        try {
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, m.checksum, m.name],
          );
          await client.query(m.sql);
          await client.query(
            `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`Migration ${m.name} failed and was rolled back: ${message}`);
        }
        log(`applied migration ${m.name}`);
        applied.push(m.name);
      }
      return { applied, alreadyApplied: migrations.length - applied.length };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
    }
  } finally {
    await client.end();
  }
}
