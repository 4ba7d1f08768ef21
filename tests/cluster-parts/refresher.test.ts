/**
 * The front-cache refresher's queue, against the real test database (its NOTIFY channel) and a stand-in for nginx
 * that records when each refresh request starts and ends: article pages and the front page first, nothing of a lower
 * tier while they render, lists before feeds, no URL twice, and a URL named again while it renders is refreshed
 * again after; and the URLs found in nginx's cache directory that show a changed article.
 */
import http from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { CACHE_CHANNEL } from "@/cache-handlers/listener.cjs";
import { documentFromParagraphs } from "@/lib/content/document";
import { unpublishArticle } from "@/lib/data/articles/workflow";
import { postEntry } from "@/lib/data/live/entries";
import { startRefresher, type Refresher } from "@/scripts/cluster/refresher";
import { makeArticle, makeLiveStory, makeUser } from "../support/factories";

type Hit = { url: string; start: number; end: number; token: string | undefined };
const hits: Hit[] = [];
let server: http.Server;
let refresher: Refresher;
let port = 0;
let cacheDir = "";
const RENDER_MS = 60;
/** When set, the front page's refresh is held until the test releases it. */
let holdFront: Promise<void> | null = null;

async function notify(tags: string[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`SELECT pg_notify($2, json_build_object('tags', $1::text[], 'at', 0)::text)`, [tags, CACHE_CHANNEL]);
  } finally {
    await client.end();
  }
}

async function settle(count: number) {
  const until = Date.now() + 10_000;
  while (hits.filter((h) => h.end > 0).length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 3 * RENDER_MS));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const hit: Hit = { url: req.url ?? "", start: performance.now(), end: 0, token: req.headers["x-dateline-refresh"] as string | undefined };
    hits.push(hit);
    const held = hit.url === "/" && holdFront ? holdFront : Promise.resolve();
    holdFront = hit.url === "/" ? null : holdFront;
    void held.then(() =>
      setTimeout(() => {
        hit.end = performance.now();
        res.end("ok");
      }, RENDER_MS),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
  refresher = await startRefresher({
    databaseUrl: process.env.DATABASE_URL as string,
    nginxPort: port,
    refreshToken: "test-token",
    cacheDir: (cacheDir = mkdtempSync(path.join(os.tmpdir(), "dateline-refresher-"))),
    confirmAfterMs: [],
  });
});

afterAll(async () => {
  await refresher?.stop();
  await new Promise((resolve) => server.close(resolve));
});

it("refreshes the front page first and alone, then lists before feeds, each URL once, with the token", async () => {
  hits.length = 0;
  await notify(["home", "latest", "section:news", "author:ana-ruiz"]);
  await settle(14);
  const urls = hits.map((h) => h.url);
  expect(new Set(urls).size, "no URL twice").toBe(urls.length);
  expect(urls).toEqual(expect.arrayContaining(["/", "/news", "/author/ana-ruiz", "/feed.xml", "/news/atom.xml", "/sitemap.xml"]));
  expect(hits.every((h) => h.token === "test-token")).toBe(true);
  const front = hits.find((h) => h.url === "/")!;
  const others = hits.filter((h) => h.url !== "/");
  expect(urls[0]).toBe("/");
  expect(Math.min(...others.map((h) => h.start)), "nothing else starts while the front page renders").toBeGreaterThanOrEqual(front.end);
  // The Spanish edition's front page is a list page here, refreshed with the sections (its feeds with the feeds).
  const lists = others.filter((h) => h.url === "/news" || h.url === "/author/ana-ruiz" || h.url === "/es");
  const feeds = others.filter((h) => !lists.includes(h));
  expect(Math.max(...lists.map((h) => h.start))).toBeLessThanOrEqual(Math.min(...feeds.map((h) => h.start)));
});

it("a page named again while it renders is refreshed once more after, ahead of the feeds still queued", async () => {
  hits.length = 0;
  let release = () => {};
  holdFront = new Promise<void>((resolve) => (release = resolve));
  await notify(["latest"]);
  const until = Date.now() + 5_000;
  while (!hits.some((h) => h.url === "/") && Date.now() < until) await new Promise((r) => setTimeout(r, 2));
  // While "/" renders, the next publish names it again.
  await notify(["home"]);
  await new Promise((r) => setTimeout(r, 200));
  expect(hits.map((h) => h.url), "nothing else starts while the front page renders").toEqual(["/"]);
  release();
  await settle(7);
  const fronts = hits.filter((h) => h.url === "/");
  const feeds = hits.filter((h) => h.url !== "/");
  expect(fronts).toHaveLength(2);
  // The three feeds and two sitemaps, and the Spanish edition's front page and three feeds.
  expect(feeds).toHaveLength(9);
  expect(fronts[1]!.start).toBeGreaterThanOrEqual(fronts[0]!.end);
  expect(Math.min(...feeds.map((h) => h.start))).toBeGreaterThanOrEqual(fronts[1]!.end);
});

/** nginx's cache holds `url` (each cache file starts with its KEY line). */
function cached(url: string) {
  writeFileSync(path.join(cacheDir, Math.random().toString(16).slice(2)), `\u0005\u0000\u0000\nKEY: GET ${url}\nHTTP/1.1 200 OK\n`);
}

async function refreshedWithin(url: string, ms = 3_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (hits.some((h) => h.url === url)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

it("a live entry refreshes the story's own feeds that nginx holds (/{section}/{slug}/feed.xml …)", async () => {
  const author = await makeUser("JOURNALIST");
  const { article } = await makeLiveStory(author);
  const base = `/${article.section.slug}/${article.slug}`;
  for (const f of ["feed.xml", "atom.xml", "feed.json"]) cached(`${base}/${f}`);
  await postEntry(author, { articleId: article.id, title: "", body: documentFromParagraphs(["The bridge is closed."]), isKeyEvent: false, isPinned: false, authorIds: [] });
  expect(await refreshedWithin(base), "control: the page").toBe(true);
  for (const f of ["feed.xml", "atom.xml", "feed.json"]) expect(await refreshedWithin(`${base}/${f}`, 1_000), f).toBe(true);
});

it("a take-down refreshes the article's generated social card (/og/…) that nginx holds, which shows its headline", async () => {
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(editor, { status: "PUBLISHED" });
  const card = `/og/${article.section.slug}/${article.slug}`;
  cached(card);
  await unpublishArticle(editor, article.id);
  expect(await refreshedWithin(`/${article.section.slug}/${article.slug}`), "control").toBe(true);
  expect(await refreshedWithin(card, 1_000)).toBe(true);
});

it("an article change refreshes no feed or card nginx does not hold", async () => {
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(editor, { status: "PUBLISHED" });
  const base = `/${article.section.slug}/${article.slug}`;
  await unpublishArticle(editor, article.id);
  expect(await refreshedWithin(base), "control").toBe(true);
  await new Promise((r) => setTimeout(r, 300));
  expect(hits.map((h) => h.url).filter((u) => u.startsWith(`${base}/`) || u.startsWith(`/og${base}`))).toEqual([]);
});
