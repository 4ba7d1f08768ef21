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

/**
 * Records the tags of every expiry announced on the cache channel from now on (each NOTIFY's list), so a test can
 * find the one its own change made (by a tag only that change names) even while other files expire shared tags.
 */
export async function recordExpiries() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const announced: string[][] = [];
  client.on("notification", (message) => announced.push((JSON.parse(message.payload ?? "{}") as { tags?: string[] }).tags ?? []));
  await client.query(`LISTEN ${CACHE_CHANNEL}`);
  return {
    /** The tags announced with `tag`, once that announcement has arrived (or [] after 3 s). */
    async expiredWith(tag: string): Promise<string[]> {
      await waitFor(async () => announced.some((tags) => tags.includes(tag)));
      return announced.filter((tags) => tags.includes(tag)).flat();
    },
    close: () => client.end(),
  };
}
