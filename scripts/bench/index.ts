/**
 * `npm run bench`: the reader's and the editor's paths, measured against this machine's own ceiling, in one run.
 *
 *   npm run bench                               10,000 articles, 10 s per target, 50 connections
 *   npm run bench -- --articles 100000 --duration 20 --connections 100 --warmup 3   (warm-up seconds per target)
 *   npm run bench -- --compare bench-results/A.json bench-results/B.json
 *   npm run bench -- --check                    exit 1 when a budget in scripts/bench/budgets.json is missed
 *   npm run bench -- --only "api list,api article"   only these targets (and the ceiling; co-editing always runs)
 * The co-editing target (./coediting.ts) follows the HTTP ones: 20 writers on 5 shared documents through one
 * collaboration server, update latency between writers, server memory per open document, lost updates.
 *
 *   npm run bench -- --send [--subscribers 10000]   a newsletter to N subscribers through a local SMTP sink:
 *                                               messages/s, the worker's memory, duplicates, missing (./send.ts)
 *   npm run bench -- --cluster                  nginx + N instances + Redis: through the front cache beside the
 *                                               bare-Node ceiling, and publish-to-visible under load (./cluster.ts)
 *
 * It builds when there is no build, starts `next start` on its own throwaway embedded PostgreSQL (never the dev
 * data) seeded with N published articles, and a bare Node http server that answers the exact bytes of one article
 * page: the ceiling for a response of that size. Then it loads each target for the same time with autocannon and
 * prints one table (and writes it as JSON to bench-results/). Not for CI: timings on shared machines are noisy.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { seedSynthetic } from "@/prisma/seed";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { findFreePort, makeThrowawayDir } from "../db/embedded";
import { prepareDatabase } from "../db/prepare";
import { ensureBuild, signIn, startAppServer, type AppServer } from "../lib/app-server";
import { benchCoediting, type CoeditingResult } from "./coediting";

type Args = { articles: number; duration: number; connections: number; warmup: number; compare?: [string, string]; check: boolean; build: boolean; out?: string; only?: string[] };

function parseArgs(argv: string[]): Args {
  const args: Args = { articles: 10_000, duration: 10, connections: 50, warmup: 3, check: false, build: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      return value;
    };
    if (flag === "--articles") args.articles = Number.parseInt(next(), 10);
    else if (flag === "--duration") args.duration = Number.parseInt(next(), 10);
    else if (flag === "--connections") args.connections = Number.parseInt(next(), 10);
    else if (flag === "--warmup") args.warmup = Number.parseInt(next(), 10);
    else if (flag === "--compare") args.compare = [next(), next()];
    else if (flag === "--check") args.check = true;
    else if (flag === "--build") args.build = true;
    else if (flag === "--out") args.out = next();
    else if (flag === "--only") args.only = next().split(",").map((name) => name.trim());
    else throw new Error(`Unknown flag ${flag}. See the header of scripts/bench/index.ts.`);
  }
  if (!(args.articles >= 0) || !(args.duration > 0) || !(args.connections > 0) || !(args.warmup >= 0)) {
    throw new Error("--articles, --duration, --connections and --warmup take positive numbers");
  }
  return args;
}

export type TargetResult = {
  name: string;
  path: string;
  requestsPerSec: number;
  p50: number;
  /** From every response's own latency (autocannon's histogram has no p95). */
  p95: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
  ceilingRatio: number | null;
  /** CPU time of the server's process tree per answered request: less noisy than latency on a shared machine. */
  serverCpuMsPerRequest?: number;
};

export type BenchReport = {
  at: string;
  machine: { cpus: number; node: string };
  options: { articles: number; duration: number; connections: number };
  results: TargetResult[];
  server: { peakRssMb: number };
  /** Gzipped JavaScript a browser runs on each kind of page, in KB (reader pages: budget `readerPageJsKbMax`). */
  javascript: Record<(typeof READER_PAGES)[number] | "editor", number>;
  coediting: CoeditingResult;
};

/** The reader's page types, each of which must stay within the JavaScript budget. */
const READER_PAGES = ["article", "home", "section", "tag", "author", "search"] as const;

const log = (line: string) => console.log(`[bench] ${line}`);

// ---------- comparing two runs ----------
function compare(a: BenchReport, b: BenchReport) {
  console.log(`\nComparing ${a.at} (A) with ${b.at} (B); ratios are B / A\n`);
  console.log(pad("target", 22) + pad("req/s A", 10) + pad("req/s B", 10) + pad("ratio", 8) + pad("p99 A", 9) + pad("p99 B", 9) + pad("ratio", 8));
  for (const ra of a.results) {
    const rb = b.results.find((r) => r.name === ra.name);
    if (!rb) continue;
    console.log(
      pad(ra.name, 22) + pad(ra.requestsPerSec.toFixed(0), 10) + pad(rb.requestsPerSec.toFixed(0), 10) + pad((rb.requestsPerSec / ra.requestsPerSec).toFixed(2), 8) +
        pad(`${ra.p99}`, 9) + pad(`${rb.p99}`, 9) + pad((rb.p99 / Math.max(ra.p99, 1)).toFixed(2), 8),
    );
  }
}

// ---------- helpers ----------
const pad = (value: string, width: number) => value.padEnd(width);

function processTreeRssKb(pid: number): number {
  try {
    const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" });
    const rows = out.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
    const tree = new Set([pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [p, pp] of rows) {
        if (tree.has(pp) && !tree.has(p)) {
          tree.add(p);
          grew = true;
        }
      }
    }
    return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0);
  } catch {
    return 0;
  }
}

/** CPU time (user + system) the process tree of `pid` has used so far, in ms, from /proc (Linux; 0 elsewhere). */
function processTreeCpuMs(pid: number): number {
  try {
    const out = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
    const rows = out.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
    const tree = new Set([pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [p, pp] of rows) {
        if (tree.has(pp) && !tree.has(p)) {
          tree.add(p);
          grew = true;
        }
      }
    }
    let ticks = 0;
    for (const p of tree) {
      try {
        const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        /* the process ended meanwhile */
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/**
 * The gzipped JavaScript of a page in KB: every script file it loads from this site, and its inline scripts (Next's
 * flight data is JavaScript the browser parses too). `noModule` scripts (Next's legacy polyfills) are skipped by
 * every browser that supports modules, and data blocks (JSON-LD) are not scripts, so neither is counted.
 */
async function gzippedScriptsKb(html: string, base: string, cookie?: string): Promise<number> {
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .map((m) => ({ attrs: m[1]!, body: m[2]! }))
    .filter(({ attrs }) => !/\snomodule/i.test(attrs) && !/type="application\/(ld\+)?json"/i.test(attrs));
  const srcs = scripts.map(({ attrs }) => /\ssrc="([^"]+)"/.exec(attrs)?.[1]).filter((src): src is string => !!src && src.startsWith("/"));
  let total = gzipSync(scripts.filter(({ attrs }) => !/\ssrc=/.test(attrs)).map(({ body }) => body).join("\n")).length;
  for (const src of new Set(srcs)) {
    const res = await fetch(new URL(src, base), { headers: cookie ? { cookie } : {} });
    total += gzipSync(Buffer.from(await res.arrayBuffer())).length;
  }
  return Math.round(total / 102.4) / 10;
}

type Load = { name: string; path: string; requests?: autocannon.Request[]; connections?: number; method?: string; headers?: Record<string, string> };

type Loaded = autocannon.Result & { p95: number };

/** The latency under which 95 % of the responses came, in whole ms as autocannon reports its percentiles. */
function percentile(latencies: number[], p: number): number {
  if (latencies.length === 0) return 0;
  const sorted = Float64Array.from(latencies).sort();
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

async function load(base: string, target: Load, args: Args): Promise<Loaded> {
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: `${base}${target.path}`,
    connections: target.connections ?? args.connections,
    duration: args.duration,
    requests: target.requests,
    headers: target.headers,
    method: (target.method ?? "GET") as autocannon.Request["method"],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  return { ...result, p95: percentile(latencies, 95) };
}

function toResult(name: string, targetPath: string, r: Loaded, ceiling: number | null): TargetResult {
  const total = r.requests.total || 1;
  return {
    name,
    path: targetPath,
    requestsPerSec: r.requests.average,
    p50: r.latency.p50,
    p95: r.p95,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerResponse: Math.round(r.throughput.total / total),
    ceilingRatio: ceiling ? r.requests.average / ceiling : null,
  };
}

/** The budgets `report` misses; targets left out with --only (`only`) are not judged. */
function checkBudgets(report: BenchReport, file: string, only?: string[]): string[] {
  const budgets = JSON.parse(readFileSync(file, "utf8")) as {
    targets: Record<string, { p99MaxMs?: number; p95MaxMs?: number; p50MaxMs?: number; ceilingRatioMin?: number; atArticles?: number }>;
    maxErrors: number;
    readerPageJsKbMax: number;
    peakRssMbMax: number;
    coediting: { p95MaxMs: number; maxLost: number };
  };
  const misses: string[] = [];
  for (const page of READER_PAGES) {
    const kb = report.javascript[page];
    if (!(kb <= budgets.readerPageJsKbMax)) misses.push(`${page} page: ${kb} KB of gzipped JavaScript > ${budgets.readerPageJsKbMax} KB`);
  }
  if (report.server.peakRssMb > budgets.peakRssMbMax) misses.push(`server peak memory ${report.server.peakRssMb} MB > ${budgets.peakRssMbMax} MB`);
  for (const [name, budget] of Object.entries(budgets.targets)) {
    if (budget.atArticles && report.options.articles < budget.atArticles) continue;
    if (only && !only.includes(name)) continue;
    const r = report.results.find((x) => x.name === name);
    if (!r) {
      misses.push(`${name}: not measured`);
      continue;
    }
    if (budget.p99MaxMs !== undefined && r.p99 > budget.p99MaxMs) misses.push(`${name}: p99 ${r.p99} ms > ${budget.p99MaxMs} ms`);
    if (budget.p95MaxMs !== undefined && r.p95 > budget.p95MaxMs) misses.push(`${name}: p95 ${r.p95} ms > ${budget.p95MaxMs} ms`);
    if (budget.p50MaxMs !== undefined && r.p50 > budget.p50MaxMs) misses.push(`${name}: p50 ${r.p50} ms > ${budget.p50MaxMs} ms`);
    if (budget.ceilingRatioMin !== undefined && (r.ceilingRatio ?? 0) < budget.ceilingRatioMin) {
      misses.push(`${name}: ${(r.ceilingRatio ?? 0).toFixed(2)} of the ceiling < ${budget.ceilingRatioMin}`);
    }
  }
  for (const r of report.results) if (r.errors + r.non2xx > budgets.maxErrors) misses.push(`${r.name}: ${r.errors} errors and ${r.non2xx} non-2xx`);
  const c = report.coediting;
  if (c.samples === 0) misses.push("co-editing: no update reached another writer");
  if (c.p95 > budgets.coediting.p95MaxMs) misses.push(`co-editing: p95 ${c.p95} ms > ${budgets.coediting.p95MaxMs} ms`);
  if (c.lost > budgets.coediting.maxLost) misses.push(`co-editing: ${c.lost} lost updates`);
  return misses;
}

// ---------- the run ----------
async function main() {
  if (process.argv.includes("--cluster")) {
    const { benchCluster } = await import("./cluster");
    await benchCluster(process.argv.slice(2));
    return;
  }
  if (process.argv.includes("--send")) {
    const { runSendBench } = await import("./send");
    await runSendBench(process.argv.slice(2));
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  if (args.compare) {
    const [a, b] = args.compare.map((f) => JSON.parse(readFileSync(f, "utf8")) as BenchReport);
    compare(a!, b!);
    return;
  }
  const root = process.cwd();
  ensureBuild(root, { force: args.build, log });

  log(`starting a throwaway PostgreSQL and seeding ${args.articles.toLocaleString("en-US")} articles…`);
  const prepared = await prepareDatabase({ dataDir: makeThrowawayDir("dateline-bench"), database: "dateline_bench", throwaway: true, log: () => {} });
  let app: AppServer | null = null;
  let ceilingServer: http.Server | null = null;
  try {
    const db = createPrismaClient(prepared.url, { max: 4 });
    const started = Date.now();
    if (args.articles > 0) await seedSynthetic(db, args.articles);
    // Planner statistics, as a live database has them: right after a bulk insert, autovacuum has not analyzed the
    // new rows yet and the first minutes of queries would be planned for an empty table.
    await db.$executeRawUnsafe("ANALYZE");
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    app = await startAppServer({ root, databaseUrl: prepared.url });
    const { base } = app;
    const server = app.process;
    let peakRssKb = 0;
    /** The peak of the target being loaded (reset before each), to say which one drives the whole run's peak. */
    let targetPeakRssKb = 0;
    const sampler = setInterval(() => {
      const rss = processTreeRssKb(server.pid!);
      peakRssKb = Math.max(peakRssKb, rss);
      targetPeakRssKb = Math.max(targetPeakRssKb, rss);
    }, 500);

    // Paths to load.
    const client = new pg.Client({ connectionString: prepared.url });
    await client.connect();
    const { rows: paths } = await client.query<{ path: string }>(
      // The default edition's articles: another edition's live under its prefix (/es/…) and its own section slugs.
      `SELECT '/' || s.slug || '/' || a.slug AS path FROM "Article" a JOIN "Section" s ON s.id = a."sectionId"
       JOIN "LanguageEdition" e ON e.id = a."editionId" AND e."isDefault"
       WHERE a.status = 'PUBLISHED' ORDER BY a."publishedAt" DESC LIMIT 20000`,
    );
    const { rows: [tagRow] } = await client.query<{ slug: string }>(
      `SELECT t.slug FROM "Tag" t JOIN "ArticleTag" at ON at."tagId" = t.id GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1`,
    );
    const { rows: [sectionRow] } = await client.query<{ slug: string }>(`SELECT slug FROM "Section" ORDER BY position LIMIT 1`);
    const { rows: [authorRow] } = await client.query<{ slug: string }>(
      `SELECT u.slug FROM "User" u JOIN "ArticleAuthor" aa ON aa."userId" = u.id GROUP BY u.slug ORDER BY count(*) DESC LIMIT 1`,
    );
    const { rows: [latestRow] } = await client.query<{ id: string }>(`SELECT id FROM "Article" WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`);
    await client.end();
    const articlePath = paths[0]!.path;
    const uncached = paths.slice(1).map((p) => p.path);

    // The ceiling: a bare Node server answering the article page's exact bytes.
    await fetch(`${base}${articlePath}`);
    const articleRes = await fetch(`${base}${articlePath}`);
    const articleBytes = Buffer.from(await articleRes.arrayBuffer());
    const ceilingPort = await findFreePort(3400);
    ceilingServer = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": articleBytes.length });
      res.end(articleBytes);
    });
    await new Promise<void>((resolve) => ceilingServer!.listen(ceilingPort, "127.0.0.1", resolve));

    // The editor: 10 editors autosaving their own article.
    const editorCookie = await signIn(base, "editor@dateline.test", DEMO_PASSWORD);
    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@dateline.test" }, select: { id: true } });
    const section = await db.section.findFirstOrThrow({ select: { id: true } });
    const editorArticles: { id: string; version: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const a = await db.article.create({
        data: { slug: `bench-edit-${i}-${randomBytes(3).toString("hex")}`, headline: `Bench article ${i}`, body: { type: "doc", content: [] }, sectionId: section.id, createdById: editor.id, authors: { create: [{ userId: editor.id, position: 0 }] } },
        select: { id: true, version: true },
      });
      editorArticles.push(a);
    }
    // The Content API: one partner app's key (its limit out of the way), as every API request checks and counts it.
    const apiKey = `dl_${randomBytes(32).toString("base64url")}`;
    await db.apiKey.create({
      data: { name: "bench", prefix: apiKey.slice(0, 10), secretHash: createHash("sha256").update(apiKey).digest("hex"), scopes: ["articles", "taxonomy", "search"], rateLimit: 2_000_000_000 },
    });
    const apiHeaders = { authorization: `Bearer ${apiKey}` };

    const inFlight = new Set<string>();
    const words = "The council met on Tuesday to discuss the water plan and residents asked about pressure cuts in older districts ".repeat(40);

    const targets: Load[] = [
      { name: "ceiling (bare node)", path: "/" },
      { name: "article (cached)", path: articlePath },
      { name: "home", path: "/" },
      { name: "section", path: `/${sectionRow!.slug}` },
      { name: "tag", path: `/tag/${tagRow?.slug ?? "water"}` },
      { name: "search", path: "/search?q=water+council" },
      { name: "rss", path: "/feed.xml" },
      { name: "sitemap", path: "/sitemap.xml" },
      { name: "api list", path: "/api/v1/articles?limit=20", headers: apiHeaders },
      { name: "api article", path: `/api/v1/articles/${latestRow!.id}`, headers: apiHeaders },
      {
        // One reader at a time, each request a never-rendered article: the latency of one render (cache miss,
        // database reads, HTML + RSC payload, cache write), which is what the p50 budget is about. At 50
        // connections this figure would only measure queueing behind 49 other renders on 2 cores.
        name: "article (uncached)",
        path: uncached[0] ?? articlePath,
        connections: 1,
        requests: [{ setupRequest: (req) => ({ ...req, path: uncached.shift() ?? articlePath }) }],
      },
      {
        name: "autosave (10 editors)",
        path: "/api/articles",
        connections: 10,
        requests: [
          {
            method: "PUT",
            // autocannon clears the context after each request, so each request claims a free article (one per
            // connection: 10 of each) and releases it in onResponse; an editor never races themself into a 409.
            setupRequest: (req, context) => {
              const ctx = context as { index?: number };
              ctx.index = editorArticles.findIndex((a) => !inFlight.has(a.id));
              const article = editorArticles[ctx.index]!;
              inFlight.add(article.id);
              return {
                ...req,
                path: `/api/articles/${article.id}`,
                headers: { "content-type": "application/json", cookie: editorCookie },
                body: JSON.stringify({
                  baseVersion: article.version,
                  mode: "autosave",
                  headline: `Bench article ${ctx.index}`,
                  dek: "",
                  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${words} ${Date.now()}` }] }] },
                  datelineCity: "Monterrey",
                  sectionId: section.id,
                  tags: [],
                  authorIds: [editor.id],
                  featuredImageId: null,
                  slug: `bench-edit-${ctx.index}`,
                  seoTitle: "",
                  seoDescription: "",
                }),
              };
            },
            onResponse: (status, body, context) => {
              const ctx = context as { index?: number };
              if (ctx.index === undefined) return;
              const article = editorArticles[ctx.index]!;
              if (status === 200) article.version = (JSON.parse(body) as { data: { version: number } }).data.version;
              inFlight.delete(article.id);
            },
          },
        ],
      },
    ];

    const results: TargetResult[] = [];
    let ceilingRps: number | null = null;
    for (const target of targets.filter((t) => !args.only || args.only.includes(t.name) || t.name.startsWith("ceiling"))) {
      const isCeiling = target.name.startsWith("ceiling");
      const targetBase = isCeiling ? `http://127.0.0.1:${ceilingPort}` : base;
      if (!target.requests && args.warmup > 0) {
        // Unmeasured warm-up at the same load: fills the cache and lets V8 optimize the hot path, so the first
        // target after start-up is not charged for module loading and JIT compilation.
        await load(targetBase, target, { ...args, duration: args.warmup });
      }
      log(`loading ${target.name} ${target.path} for ${args.duration} s…`);
      const cpuBefore = processTreeCpuMs(server.pid!);
      targetPeakRssKb = 0;
      const r = await load(targetBase, target, args);
      const cpuMs = processTreeCpuMs(server.pid!) - cpuBefore;
      if (!isCeiling) log(`  server peak memory while loading ${target.name}: ${Math.round(targetPeakRssKb / 1024)} MB`);
      if (isCeiling) ceilingRps = r.requests.average;
      results.push({ ...toResult(target.name, target.path, r, isCeiling ? 1 : ceilingRps), ...(isCeiling ? {} : { serverCpuMsPerRequest: Math.round((cpuMs / (r.requests.total || 1)) * 1000) / 1000 }) });
      if (isCeiling) results[results.length - 1]!.ceilingRatio = 1;
    }
    clearInterval(sampler);
    const coediting = await benchCoediting({ root, databaseUrl: prepared.url, db, seconds: Math.max(args.duration, 10), log });

    const readerPaths: Record<(typeof READER_PAGES)[number], string> = {
      article: articlePath,
      home: "/",
      section: `/${sectionRow!.slug}`,
      tag: `/tag/${tagRow?.slug ?? "water"}`,
      author: `/author/${authorRow?.slug ?? "ana-ruiz"}`,
      search: "/search?q=water+council",
    };
    const javascript = { editor: 0 } as BenchReport["javascript"];
    for (const page of READER_PAGES) javascript[page] = await gzippedScriptsKb(await (await fetch(`${base}${readerPaths[page]}`)).text(), base);
    const editorHtml = await (await fetch(`${base}/dashboard/articles/${editorArticles[0]!.id}`, { headers: { cookie: editorCookie } })).text();
    javascript.editor = await gzippedScriptsKb(editorHtml, base, editorCookie);
    const report: BenchReport = {
      at: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      options: { articles: args.articles, duration: args.duration, connections: args.connections },
      results,
      server: { peakRssMb: Math.round(peakRssKb / 1024) },
      javascript,
      coediting,
    };
    await db.$disconnect();

    console.log("");
    console.log(pad("target", 24) + pad("req/s", 10) + pad("p50 ms", 8) + pad("p95", 8) + pad("p97.5", 8) + pad("p99 ms", 8) + pad("errors", 8) + pad("non-2xx", 9) + pad("KB/resp", 9) + pad("× ceiling", 11) + "server CPU ms/req");
    for (const r of results) {
      console.log(
        pad(r.name, 24) + pad(r.requestsPerSec.toFixed(0), 10) + pad(String(r.p50), 8) + pad(String(r.p95), 8) + pad(String(r.p97_5), 8) + pad(String(r.p99), 8) + pad(String(r.errors), 8) + pad(String(r.non2xx), 9) +
          pad((r.bytesPerResponse / 1024).toFixed(1), 9) + pad(r.ceilingRatio === null ? "" : r.ceilingRatio.toFixed(3), 11) + (r.serverCpuMsPerRequest ?? ""),
      );
    }
    const c = report.coediting;
    console.log(
      `\nco-editing: ${c.writers} writers on ${c.documents} documents, ${c.typed} characters typed in ${c.seconds} s; update to the other writers p50 ${c.p50} ms, p95 ${c.p95} ms, p99 ${c.p99} ms (${c.samples} deliveries); server heap per open document ${c.heapPerDocumentKb} KB; lost updates ${c.lost}`,
    );
    const js = Object.entries(report.javascript).map(([page, kb]) => `${page} ${kb} KB`).join(", ");
    console.log(`server peak memory: ${report.server.peakRssMb} MB · JavaScript (gzip): ${js}`);
    mkdirSync(path.join(root, "bench-results"), { recursive: true });
    const out = args.out ?? path.join(root, "bench-results", `${report.at.replace(/[:.]/g, "-")}.json`);
    writeFileSync(out, JSON.stringify(report, null, 2));
    log(`wrote ${path.relative(root, out)}`);

    if (args.check) {
      const misses = checkBudgets(report, path.join(path.dirname(fileURLToPath(import.meta.url)), "budgets.json"), args.only);
      if (misses.length > 0) {
        console.log(`\nBudget misses:\n${misses.map((m) => `  - ${m}`).join("\n")}`);
        process.exitCode = 1;
      } else console.log("\nAll budgets met.");
    }
  } finally {
    ceilingServer?.close();
    await app?.stop();
    await prepared.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
