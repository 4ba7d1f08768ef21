import { describe, expect, it } from "vitest";
import { isPlainSelect, parseLsn, replayTarget } from "@/lib/db/replica-sql";

describe("which statements may run on a replica", () => {
  it("allows plain SELECTs and read-only WITH queries", () => {
    expect(isPlainSelect(`SELECT "public"."Article"."id" FROM "public"."Article" WHERE "updatedAt" > $1`)).toBe(true);
    expect(isPlainSelect(`  -- a comment\n/* another */ select 1`)).toBe(true);
    expect(isPlainSelect(`WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query) SELECT * FROM q`)).toBe(true);
  });

  it("keeps writes, locks, transaction control and anything unsure on the primary", () => {
    for (const sql of [
      `INSERT INTO "Section" (id) VALUES ($1) RETURNING id`,
      `UPDATE "Article" SET headline = $1`,
      `DELETE FROM "CacheTag"`,
      `WITH t AS (INSERT INTO "CacheTag" (tag) VALUES ($1) RETURNING 1) SELECT pg_notify($2, $3)`,
      `WITH t AS (SELECT 1) UPDATE "Article" SET headline = $1`,
      `SELECT id FROM "Article" WHERE id = $1 FOR UPDATE`,
      `SELECT id FROM "Article" FOR NO KEY UPDATE`,
      `BEGIN`,
      `COMMIT`,
      `SET TRANSACTION ISOLATION LEVEL SERIALIZABLE`,
      `VALUES (1)`,
    ]) {
      expect(isPlainSelect(sql), sql).toBe(false);
    }
  });
});

describe("WAL positions", () => {
  it("parses pg_lsn text", () => {
    expect(parseLsn("0/3001130")).toBe(0x3001130n);
    expect(parseLsn("1A/FF")).toBe((0x1an << 32n) | 0xffn);
  });

  const block = 8192;
  const segment = 16 * 1024 * 1024;

  it("takes the insert position as the target inside a page", () => {
    expect(replayTarget(0x3001130n, block, segment)).toBe(0x3001130n);
    expect(replayTarget(BigInt(3 * segment + 5 * block + 8), block, segment)).toBe(BigInt(3 * segment + 5 * block + 8));
  });

  it("steps back over a page header the last record ended in front of", () => {
    // Past a short page header (24 bytes) on a page that is not a segment's first…
    expect(replayTarget(BigInt(3 * segment + 5 * block + 24), block, segment)).toBe(BigInt(3 * segment + 5 * block));
    // …and past the long header (40 bytes) of a segment's first page.
    expect(replayTarget(BigInt(3 * segment + 40), block, segment)).toBe(BigInt(3 * segment));
    // 24 bytes into a segment's first page is inside its long header: never an insert position, left alone.
    expect(replayTarget(BigInt(3 * segment + 24), block, segment)).toBe(BigInt(3 * segment + 24));
  });
});
