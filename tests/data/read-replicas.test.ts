/**
 * Public reads on a real streaming replica (lib/db/replica-router.ts, docs/decisions/0009-read-replicas.md).
 *
 * This file runs its own primary and a real standby of it (scripts/lib/streaming-replica.ts), replaying with
 * recovery_min_apply_delay = 1 s, instead of the shared test database. Where a test needs the replica to be
 * provably behind, it also pauses replay (pg_wal_replay_pause), so nothing depends on how fast this machine is.
 *
 * How a test knows which server answered: a change written straight to the primary behind the app's back (no
 * NOTIFY, not through the app's clients) while the replica's replay is paused. A read that still sees the old value
 * came from the replica; a read that sees the new one came from the primary.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { CACHE_CHANNEL } from "@/cache-handlers/listener.cjs";
import { applyMigrations } from "@/lib/db/migrate";
import { makeThrowawayDir, startEmbeddedPostgres, type EmbeddedServer } from "../../scripts/db/embedded";
import { startStreamingReplica, type StreamingReplica } from "../../scripts/lib/streaming-replica";

const DATABASE = "dateline_replica_test";

let primary: EmbeddedServer;
let replica: StreamingReplica;
let primarySql: pg.Client;
let replicaSql: pg.Client;
let lib: {
  articles: typeof import("@/lib/data/articles/public");
  workflow: typeof import("@/lib/data/articles/workflow");
  search: typeof import("@/lib/data/search");
  db: typeof import("@/lib/db");
  factories: typeof import("../support/factories");
};

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // the replica is stopped on purpose in one test
  await client.connect();
  return client;
}

function router() {
  const r = lib.db.getReplicaRouter();
  if (!r) throw new Error("the replica router is not configured");
  return r;
}

async function pauseReplay() {
  await replicaSql.query("SELECT pg_wal_replay_pause()");
  // Pausing is requested; wait until replay has actually stopped.
  for (let i = 0; i < 100; i++) {
    const { rows } = await replicaSql.query<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state");
    if (rows[0]?.state === "paused") return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("replay did not pause");
}

async function resumeReplay() {
  await replicaSql.query("SELECT pg_wal_replay_resume()");
}

async function headlineOn(client: pg.Client, id: string): Promise<string | undefined> {
  const { rows } = await client.query<{ headline: string }>(`SELECT headline FROM "Article" WHERE id = $1`, [id]);
  return rows[0]?.headline;
}

/** A published article used only as the "which server answered" marker. */
let marker: { id: string; slug: string; sectionSlug: string };

/** Proves that public reads are answered by the replica right now (see the header). */
async function expectPublicReadsFromReplica() {
  await router().waitForReadyReplica(15_000);
  const before = (await lib.articles.getPublishedArticle(marker.sectionSlug, marker.slug))?.headline;
  expect(before).toBeDefined();
  const changed = `Marker ${Date.now()}`;
  await pauseReplay();
  try {
    await primarySql.query(`UPDATE "Article" SET headline = $2 WHERE id = $1`, [marker.id, changed]);
    const stats = { ...router().stats };
    const seen = await lib.articles.getPublishedArticle(marker.sectionSlug, marker.slug);
    expect(seen?.headline, "a public read should have been answered by the (paused) replica").toBe(before);
    expect(router().stats.replica).toBeGreaterThan(stats.replica);
    expect(await headlineOn(primarySql, marker.id)).toBe(changed);
  } finally {
    await resumeReplay();
  }
  // Let the replica replay the marker change, so the next check starts from equal copies.
  for (let i = 0; i < 100 && (await headlineOn(replicaSql, marker.id)) !== changed; i++) await new Promise((r) => setTimeout(r, 50));
}

async function readyToPublish() {
  const { makeArticle, makeUser } = lib.factories;
  const journalist = await makeUser("JOURNALIST");
  const article = await makeArticle(journalist, { status: "IN_REVIEW" });
  return { article, editor: await makeUser("EDITOR") };
}

beforeAll(async () => {
  primary = await startEmbeddedPostgres({ dataDir: makeThrowawayDir("dateline-replica-primary"), throwaway: true, database: DATABASE });
  await applyMigrations(primary.url(DATABASE));
  replica = await startStreamingReplica({
    primaryUrl: primary.url("postgres"),
    dataDir: makeThrowawayDir("dateline-replica-standby"),
    throwaway: true,
    applyDelayMs: 1_000,
    slotName: "dateline_test_replica",
  });
  // Before the first import of lib/env: this file's app process uses this primary and its replica.
  process.env.DATABASE_URL = primary.url(DATABASE);
  process.env.DATABASE_REPLICA_URL = replica.url(DATABASE);
  lib = {
    articles: await import("@/lib/data/articles/public"),
    workflow: await import("@/lib/data/articles/workflow"),
    search: await import("@/lib/data/search"),
    db: await import("@/lib/db"),
    factories: await import("../support/factories"),
  };
  primarySql = await connect(primary.url(DATABASE));
  replicaSql = await connect(replica.url(DATABASE));
  const author = await lib.factories.makeUser("JOURNALIST");
  const article = await lib.factories.makeArticle(author, { status: "PUBLISHED" });
  marker = { id: article.id, slug: article.slug, sectionSlug: article.section.slug };
  // The factories write straight to the primary without announcing anything (the app never publishes that way):
  // wait until the replica has the marker, as the router cannot know about it.
  for (let i = 0; i < 200 && (await headlineOn(replicaSql, marker.id)) === undefined; i++) await new Promise((r) => setTimeout(r, 50));
}, 120_000);

afterAll(async () => {
  await replicaSql?.end().catch(() => {});
  await primarySql?.end().catch(() => {});
  if (lib) {
    await lib.db.getReplicaRouter()?.close();
    await lib.db.getPublicReadDb().$disconnect();
    await lib.db.getDb().$disconnect();
    await lib.factories.rawDb().$disconnect();
  }
  await replica?.stop();
  await primary?.stop();
});

describe("public reads with a read replica", () => {
  it("is a real standby of the primary", async () => {
    const { rows } = await replicaSql.query<{ standby: boolean; delay: string }>(
      "SELECT pg_is_in_recovery() AS standby, current_setting('recovery_min_apply_delay') AS delay",
    );
    expect(rows[0]).toEqual({ standby: true, delay: "1s" });
    const sent = await primarySql.query(`SELECT 1 FROM pg_stat_replication WHERE application_name = 'dateline_replica' AND state = 'streaming'`);
    expect(sent.rowCount).toBe(1);
  });

  it("answers public reads from the replica when it has caught up", async () => {
    await expectPublicReadsFromReplica();
    // The app's replica pool has sessions on the standby, and they ran the public queries.
    const { rows } = await replicaSql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'dateline-public-replica' AND query LIKE '%SELECT %'`,
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it("reads a just-published article from the primary while the replica has not replayed it, then returns to the replica", async () => {
    const { article, editor } = await readyToPublish();
    await router().waitForReadyReplica(15_000);
    await pauseReplay();
    try {
      await lib.workflow.publishArticle(editor, article.id);
      // The replica provably has not replayed the publish…
      const onReplica = await replicaSql.query<{ status: string }>(`SELECT status FROM "Article" WHERE id = $1`, [article.id]);
      expect(onReplica.rows[0]?.status).toBe("IN_REVIEW");
      // …yet every public read sees it at once.
      const page = await lib.articles.getPublishedArticle(article.section.slug, article.slug);
      expect(page?.id).toBe(article.id);
      const list = await lib.articles.findPublishedPage({ sectionSlug: article.section.slug }, 1);
      expect(list.items.map((a) => a.id)).toEqual([article.id]);
      expect(router().hasReadyReplica()).toBe(false);
    } finally {
      await resumeReplay();
    }
    // Replay resumes (a further second of apply delay); then public reads go back to the replica.
    await expectPublicReadsFromReplica();
  });

  it("reads this process's own committed write at once, even one that announces nothing", async () => {
    const sections = await import("@/lib/data/sections");
    const section = await lib.factories.makeSection();
    for (let i = 0; i < 200 && !(await replicaSql.query(`SELECT 1 FROM "Section" WHERE id = $1`, [section.id])).rowCount; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await expectPublicReadsFromReplica();
    await pauseReplay();
    try {
      // Through the app's primary client, in a transaction, with no NOTIFY: only the commit observer can know.
      await lib.db.getDb().$transaction(async (tx) => tx.section.update({ where: { id: section.id }, data: { name: "Renamed in-process" } }));
      expect((await sections.getSectionBySlug(section.slug))?.name).toBe("Renamed in-process");
      const onReplica = await replicaSql.query<{ name: string }>(`SELECT name FROM "Section" WHERE id = $1`, [section.id]);
      expect(onReplica.rows[0]?.name).toBe(section.name);
    } finally {
      await resumeReplay();
    }
  });

  it("routes to the primary when another process publishes (its NOTIFY arrives) before the replica replays it", async () => {
    const { article } = await readyToPublish();
    await router().waitForReadyReplica(15_000);
    await pauseReplay();
    try {
      // As another app instance, the scheduler or a script would: the change and the tag expiry in one commit.
      const other = await connect(primary.url(DATABASE));
      try {
        await other.query("BEGIN");
        await other.query(`UPDATE "Article" SET status = 'PUBLISHED', "publishedAt" = now() - interval '1 minute' WHERE id = $1`, [article.id]);
        await other.query(`SELECT pg_notify($2, json_build_object('tags', ARRAY['article:' || $1::text], 'at', 0)::text)`, [article.slug, CACHE_CHANNEL]);
        await other.query("COMMIT");
      } finally {
        await other.end();
      }
      for (let i = 0; i < 200 && router().hasReadyReplica(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(router().hasReadyReplica(), "the NOTIFY should have fenced the replica").toBe(false);
      const page = await lib.articles.getPublishedArticle(article.section.slug, article.slug);
      expect(page?.id).toBe(article.id);
      const onReplica = await replicaSql.query<{ status: string }>(`SELECT status FROM "Article" WHERE id = $1`, [article.id]);
      expect(onReplica.rows[0]?.status).toBe("IN_REVIEW");
    } finally {
      await resumeReplay();
    }
    await expectPublicReadsFromReplica();
  });

  it("keeps answering from the primary while the replica is down, and uses it again when it is back", async () => {
    await router().waitForReadyReplica(15_000);
    await replica.halt();
    try {
      const before = { ...router().stats };
      const page = await lib.articles.getPublishedArticle(marker.sectionSlug, marker.slug);
      expect(page?.id).toBe(marker.id);
      const results = await lib.search.searchPublishedArticles("council water plan", 1);
      expect(results).toBeDefined();
      expect(router().stats.replica).toBe(before.replica);
      expect(router().stats.primary + router().stats.fallback).toBeGreaterThan(before.primary + before.fallback);
    } finally {
      await replica.resume();
    }
    replicaSql = await connect(replica.url(DATABASE));
    await expectPublicReadsFromReplica();
  });

  it("never sends a write or a transaction to the replica, even through the public-read client", async () => {
    await router().waitForReadyReplica(15_000);
    const publicDb = lib.db.getPublicReadDb();
    // A write through the wrong client still lands on the primary (a standby would refuse it).
    const section = await publicDb.section.create({ data: { name: "Wrong client", slug: `wrong-client-${Date.now()}` } });
    expect((await primarySql.query(`SELECT 1 FROM "Section" WHERE id = $1`, [section.id])).rowCount).toBe(1);
    // A transaction runs on the primary: it sees a row the replica cannot have yet.
    await pauseReplay();
    try {
      const made = await lib.factories.makeSection(); // straight to the primary, unannounced
      const seen = await publicDb.$transaction(async (tx) => tx.section.findUnique({ where: { id: made.id } }));
      expect(seen?.id).toBe(made.id);
    } finally {
      await resumeReplay();
    }
    // What the app's replica sessions last ran: reads only.
    const { rows } = await replicaSql.query<{ query: string }>(`SELECT query FROM pg_stat_activity WHERE application_name = 'dateline-public-replica'`);
    for (const row of rows) expect(row.query.trimStart()).toMatch(/^(SELECT|WITH)\b/i);
  });
});
