/**
 * The cache handler against the real test database: an entry is served until one of its tags expires, and a tag
 * expired in ANOTHER process (here: a plain SQL transaction, as the data layer does) reaches it through NOTIFY.
 */
import { createRequire } from "node:module";
import { expireElsewhere, waitFor } from "../support/cache-tags";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";

type ProcessCache = { tagExpiry?: { close(): void }; isListening?: boolean; expiry: Map<string, number> };
const processCache = () => (globalThis as { __datelineCache?: ProcessCache }).__datelineCache;

const require = createRequire(import.meta.url);
type Handler = {
  get(key: string, ctx: Record<string, unknown>): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
const Handler = require("../../cache-handlers/isr-handler.cjs") as new () => Handler;

const page = (html: string, tags: string[]) => ({ kind: "APP_PAGE", html, headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });

describe("public cache handler", () => {
  const handler = new Handler();
  afterAll(() => processCache()?.tagExpiry?.close());

  it("serves an entry until a tag of it is expired by another process, then misses", async () => {
    const key = `/route-cache/APP_PAGE/test/${Date.now()}`;
    const tag = `article:test-${Date.now()}`;
    // Let the listener connect first (a fresh process has nothing cached anyway).
    await waitFor(async () => Boolean(processCache()?.isListening));
    // A list tag of this test's own: "home" in the shared test database may have been expired by another file a
    // moment ago, which (rightly) expires an entry written without a miss before it (stamped 2 s early).
    await handler.set(key, page("<p>v1</p>", [`home-${Date.now()}`, tag]), { tags: [] });
    expect((await handler.get(key, { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "<p>v1</p>" });

    await expireElsewhere(["unrelated-tag"]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await handler.get(key, { kind: "APP_PAGE" }), "an unrelated tag leaves the entry alone").not.toBeNull();

    await expireElsewhere([tag]);
    expect(await waitFor(async () => (await handler.get(key, { kind: "APP_PAGE" })) === null)).toBe(true);
  });

  it("never keeps a route handler's 405 (a refused method), and keeps its documents", async () => {
    const key = `/author/someone-${Date.now()}/feed.xml`;
    const route = (status: number) => ({ kind: "APP_ROUTE", status, body: Buffer.from(status === 200 ? "<rss/>" : ""), headers: {} });
    await handler.set(key, route(405), { tags: [] });
    expect(await handler.get(key, { kind: "APP_ROUTE" })).toBeNull();
    await handler.set(key, route(200), { tags: [] });
    expect((await handler.get(key, { kind: "APP_ROUTE" }))?.value).toMatchObject({ status: 200 });
  });

  it("expires locally at once and records the tag for other instances on revalidateTag", async () => {
    const key = `/route-cache/APP_PAGE/local/${Date.now()}`;
    const tag = `section:local-${Date.now()}`;
    await handler.set(key, page("<p>x</p>", [tag]), { tags: [] });
    await handler.revalidateTag([tag]);
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM "CacheTag" WHERE tag = $1`, [tag]);
    await client.end();
    expect(rowCount).toBe(1);
  });

  const expiryNoted = (tag: string) =>
    waitFor(async () => Boolean(processCache()?.expiry.has(tag)));

  it("expires a page whose render began before its tag expired, though it was written after", async () => {
    const key = `/route-cache/APP_PAGE/race/${Date.now()}`;
    const tag = `article:race-${Date.now()}`;
    expect(await handler.get(key, { kind: "APP_PAGE" }), "the miss that starts the render").toBeNull();
    await expireElsewhere([tag]);
    expect(await expiryNoted(tag)).toBe(true);
    await handler.set(key, page("<p>rendered with the old data</p>", [tag]), { tags: [] });
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull();
  });

  it("keeps a page whose render began after its tag expired: one render per change, not two", async () => {
    const key = `/route-cache/APP_PAGE/after/${Date.now()}`;
    const tag = `article:after-${Date.now()}`;
    await expireElsewhere([tag]);
    expect(await expiryNoted(tag)).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull();
    await handler.set(key, page("<p>rendered with the new data</p>", [tag]), { tags: [] });
    expect((await handler.get(key, { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "<p>rendered with the new data</p>" });
  });

  it("checks the tags Next passes for data entries (unstable_cache)", async () => {
    const key = `fetch-${Date.now()}`;
    const tag = `tag:data-${Date.now()}`;
    await handler.set(key, { kind: "FETCH", data: { body: "{}" } }, { tags: [tag] });
    expect(await handler.get(key, { kind: "FETCH", tags: [tag] })).not.toBeNull();
    await expireElsewhere([tag]);
    expect(await waitFor(async () => (await handler.get(key, { kind: "FETCH", tags: [tag] })) === null)).toBe(true);
  });
});
