/** Tag expiry as another process makes it, for the cache handlers' tests (tests/cache/). */
import pg from "pg";
import { CACHE_CHANNEL } from "@/cache-handlers/listener.cjs";

/** A tag expired by another process, exactly as the data layer does it (lib/data/cache.ts expirePublicTags). */
export async function expireElsewhere(tags: string[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "CacheTag" (tag, "expiredAt") SELECT unnest($1::text[]), clock_timestamp()
       ON CONFLICT (tag) DO UPDATE SET "expiredAt" = EXCLUDED."expiredAt"`,
      [tags],
    );
    await client.query(`SELECT pg_notify($2, json_build_object('tags', $1::text[], 'at', extract(epoch from clock_timestamp()) * 1000)::text)`, [tags, CACHE_CHANNEL]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** Polls `check` every 20 ms until it holds (true) or `ms` pass (false). */
export async function waitFor(check: () => Promise<boolean>, ms = 3_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
