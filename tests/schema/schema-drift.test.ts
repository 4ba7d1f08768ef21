/**
 * Keeps prisma/schema.prisma and prisma/migrations in step, as judged by Prisma's own schema engine (its WASM
 * build: scripts/db/schema-diff.ts), and keeps our migration runner (lib/db/migrate.ts) writing
 * `_prisma_migrations` the way Prisma does.
 *
 * The engine path leans on Prisma internals (see the header of scripts/db/schema-diff.ts). When an upgrade breaks
 * one of them, these tests fail: the guard test makes sure an engine that silently returns nothing cannot pass.
 *
 * Databases are created on the test server (TEST_ADMIN_DATABASE_URL, from tests/global-setup.ts) and dropped again.
 */
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  diagnoseMigrationHistory,
  diffMigrationsToSchema,
  isEmptyMigration,
  planMigration,
  shadowServerFromUrl,
  type ShadowServer,
} from "@/scripts/db/schema-diff";

const ENGINE_TIMEOUT = 60_000;
const PROJECT_ROOT = path.resolve(path.dirname(DEFAULT_SCHEMA_PATH), "..");
const execFileAsync = promisify(execFile);

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error("TEST_ADMIN_DATABASE_URL is not set: tests/global-setup.ts should set it");
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let server: ShadowServer;
let tempDir: string;

beforeAll(() => {
  server = shadowServerFromUrl(adminUrl());
  tempDir = mkdtempSync(path.join(os.tmpdir(), "dateline-schema-test-"));
});

afterAll(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

describe("schema.prisma and prisma/migrations", () => {
  it(
    "agree: replaying every migration yields exactly schema.prisma",
    async () => {
      const sql = await diffMigrationsToSchema({ server, databasePrefix: "drift_shadow" });
      if (!isEmptyMigration(sql)) {
        throw new Error(
          "prisma/schema.prisma and prisma/migrations disagree. Write a migration for the change with\n" +
            "    npm run db:migration -- <name>\n" +
            "If the SQL below touches something a hand-written migration manages (the generated Article.searchVector,\n" +
            "check constraints, triggers), fix schema.prisma or that migration instead of generating one.\n" +
            "Prisma's engine says the migrations still need:\n\n" +
            sql,
        );
      }
    },
    ENGINE_TIMEOUT,
  );

  it(
    "guard: the engine does report a difference (so an engine that always answers nothing cannot pass)",
    async () => {
      const schema = readFileSync(DEFAULT_SCHEMA_PATH, "utf8");
      const modified = path.join(tempDir, "canary.prisma");
      writeFileSync(
        modified,
        `${schema}\nmodel DriftCanary {\n  id   Int    @id\n  note String @unique\n}\n`.replace(
          // An extra unique index on an existing table, so the data-loss evaluation has a warning to report.
          /^(\s+seoTitle\s+String\s+@default\(""\))$/m,
          "$1 @unique",
        ),
      );
      const plan = await planMigration({ server, schemaPath: modified, databasePrefix: "drift_guard" });
      expect(plan.isEmpty).toBe(false);
      expect(plan.sql).toContain('CREATE TABLE "DriftCanary"');
      expect(plan.sql).toContain('CREATE UNIQUE INDEX "DriftCanary_note_key"');
      // devDiagnostic → evaluateDataLoss, as `migrate dev` runs them.
      expect(plan.evaluationError).toBeUndefined();
      expect(plan.warnings.join("\n")).toMatch(/unique constraint covering the columns `\[seoTitle\]`/);
    },
    ENGINE_TIMEOUT,
  );
});

describe("the migration runner (lib/db/migrate.ts)", () => {
  const name = `runner_${randomBytes(4).toString("hex")}`;
  const url = () => databaseUrl(name);

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
  });

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it(
    "records each migration in _prisma_migrations as Prisma does, and applies nothing twice",
    async () => {
      const onDisk = readMigrations(DEFAULT_MIGRATIONS_DIR);
      expect(onDisk.length).toBeGreaterThan(0);

      const first = await applyMigrations(url(), { dir: DEFAULT_MIGRATIONS_DIR });
      expect(first.applied).toEqual(onDisk.map((m) => m.name));

      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        const { rows } = await client.query<{
          migration_name: string;
          checksum: string;
          finished_at: Date | null;
          rolled_back_at: Date | null;
          applied_steps_count: number;
          logs: string | null;
        }>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
        expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
        for (const row of rows) {
          const file = path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql");
          expect(row.checksum).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
          expect(row.finished_at).toBeInstanceOf(Date);
          expect(row.rolled_back_at).toBeNull();
          expect(row.applied_steps_count).toBe(1);
          expect(row.logs).toBeNull();
        }

        const second = await applyMigrations(url(), { dir: DEFAULT_MIGRATIONS_DIR });
        expect(second).toEqual({ applied: [], alreadyApplied: onDisk.length });
        const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "_prisma_migrations"`);
        expect(Number(count.rows[0]?.n)).toBe(onDisk.length);
      } finally {
        await client.end();
      }

      // And Prisma's engine reads the table as fully applied, with nothing edited or failed (`migrate status`).
      const history = await diagnoseMigrationHistory(url());
      expect(history).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
    },
    ENGINE_TIMEOUT,
  );

  it(
    "satisfies the Prisma CLI too: `prisma migrate status` (through scripts/db/schema-engine.mjs) sees no pending work",
    async () => {
      await applyMigrations(url(), { dir: DEFAULT_MIGRATIONS_DIR });
      const cli = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
      const { stdout } = await execFileAsync(process.execPath, [cli, "migrate", "status"], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_URL: url(), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        timeout: 60_000,
      });
      expect(stdout).toContain(`${readMigrations(DEFAULT_MIGRATIONS_DIR).length} migrations found in prisma/migrations`);
      expect(stdout).toContain("Database schema is up to date!");
    },
    ENGINE_TIMEOUT,
  );

  describe("the hand-written migration's rules", () => {
    let client: pg.Client;

    beforeAll(async () => {
      await applyMigrations(url(), { dir: DEFAULT_MIGRATIONS_DIR });
      client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(
        `INSERT INTO "User" (id, email, name, slug, "updatedAt") VALUES ('u1', 'ana@dateline.test', 'Ana', 'ana', now())`,
      );
      await client.query(`INSERT INTO "Section" (id, name, slug, "updatedAt") VALUES ('s1', 'World', 'world', now())`);
    });

    afterAll(async () => {
      await client.end();
    });

    /** The SQLSTATE a statement fails with, or null when it succeeds. */
    async function failure(sql: string): Promise<{ code?: string; message: string } | null> {
      try {
        await client.query(sql);
        return null;
      } catch (error) {
        if (!(error instanceof pg.DatabaseError)) throw error;
        return { code: error.code, message: error.message };
      }
    }

    it("fills Article.searchVector itself, weighted headline > dek > body, with its GIN index", async () => {
      await client.query(
        `INSERT INTO "Article" (id, slug, headline, dek, body, "bodyText", "sectionId", "createdById", "updatedAt")
         VALUES ('a1', 'harbour', 'Harbour reopens', 'Fishing fleet returns', '{}', 'The storm damage is repaired.', 's1', 'u1', now())`,
      );
      const { rows } = await client.query<{ vector: string; rank: boolean }>(
        `SELECT "searchVector"::text AS vector,
                ts_rank("searchVector", to_tsquery('english', 'harbour')) >
                ts_rank("searchVector", to_tsquery('english', 'storm')) AS rank
         FROM "Article" WHERE id = 'a1'`,
      );
      expect(rows[0]?.vector).toContain("'harbour':1A");
      expect(rows[0]?.vector).toContain("'fleet':");
      expect(rows[0]?.vector).toContain("'storm':");
      expect(rows[0]?.rank).toBe(true);
      expect(await failure(`UPDATE "Article" SET "searchVector" = NULL WHERE id = 'a1'`)).toMatchObject({
        code: "428C9", // generated_always
      });
      const index = await client.query<{ def: string }>(
        `SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'Article' AND indexname = 'Article_searchVector_idx'`,
      );
      expect(index.rows[0]?.def).toMatch(/USING gin \("searchVector"\)/);
    });

    it("refuses a User.email that is not lower-case", async () => {
      expect(
        await failure(
          `INSERT INTO "User" (id, email, name, slug, "updatedAt") VALUES ('u2', 'Bo@Dateline.test', 'Bo', 'bo', now())`,
        ),
      ).toMatchObject({ code: "23514" }); // check_violation
    });

    it("keeps AuditLog append-only", async () => {
      await client.query(`INSERT INTO "AuditLog" (id, "actorId", action) VALUES ('l1', 'u1', 'test.insert')`);
      for (const sql of [`UPDATE "AuditLog" SET action = 'changed' WHERE id = 'l1'`, `DELETE FROM "AuditLog" WHERE id = 'l1'`]) {
        const refused = await failure(sql);
        expect(refused?.message).toMatch(/AuditLog is append-only: (UPDATE|DELETE) is not allowed/);
      }
      const { rows } = await client.query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE id = 'l1'`);
      expect(rows).toEqual([{ action: "test.insert" }]);
    });

    it("allows only the Settings row with id 1", async () => {
      expect(await failure(`INSERT INTO "Settings" (id, "updatedAt") VALUES (2, now())`)).toMatchObject({
        code: "23514",
      });
      expect(await failure(`INSERT INTO "Settings" ("updatedAt") VALUES (now())`)).toBeNull();
    });
  });
});
