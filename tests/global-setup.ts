/**
 * Vitest global set-up: a throwaway embedded PostgreSQL on a free port (never the dev data in .data/), migrated
 * with the project's own runner. With TEST_DATABASE_URL set, that database is used instead, and only if it is on
 * this machine. Tests read DATABASE_URL (the migrated test database) and TEST_ADMIN_DATABASE_URL (the same
 * server's `postgres` database, for tests that need databases of their own).
 */
import { applyMigrations } from "../lib/db/migrate";
import { assertLocalDatabaseUrl, makeThrowawayDir, startEmbeddedPostgres } from "../scripts/db/embedded";

export default async function setup() {
  const given = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let databaseUrl: string;
  let adminUrl: string;
  if (given) {
    assertLocalDatabaseUrl(given);
    databaseUrl = given;
    const admin = new URL(given);
    admin.pathname = "/postgres";
    adminUrl = admin.toString();
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: makeThrowawayDir("dateline-test"),
      throwaway: true,
      database: "dateline_test",
    });
    databaseUrl = server.url("dateline_test");
    adminUrl = server.url("postgres");
    stop = server.stop;
  }
  await applyMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  // The data layer reads its configuration through lib/env.ts, which insists on a secret like production does.
  process.env.AUTH_SECRET ??= "test-secret-that-is-long-enough-for-lib-env";
  // Mail sent without SMTP_URL (a test copy of a newsletter) is written as .eml files: never into .data/.
  process.env.MAIL_DIR ??= makeThrowawayDir("dateline-test-mail");
  return async () => {
    await stop();
  };
}
