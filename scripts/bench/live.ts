/**
 * The cluster bench's live target (`npm run bench -- --cluster`, scripts/bench/cluster.ts): `--streams` (2,000)
 * readers' event streams held open through nginx on one live story, spread over the instances by nginx, and
 * `--entries` (10) entries posted through the data layer (as the composer does) `--entry-gap` ms apart. For each
 * entry: how long until it reached each stream (p50, p95, p99, max, from the post call's start) and how many streams
 * never got it within 10 s (dropped). Memory per open stream: the instances' resident memory with the streams open,
 * less before, divided by the streams. The budget is in budgets.json ("live").
 */
import http from "node:http";
import { readFileSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import type { Cluster } from "../cluster/cluster";

export type LiveArgs = { streams: number; entries: number; entryGap: number };
export type LiveResult = {
  streams: number;
  opened: number;
  entries: number;
  deliveryMs: { p50: number; p95: number; p99: number; max: number };
  /** Per entry: its p95 over the streams. */
  p95PerEntryMs: number[];
  dropped: number;
  rssPerStreamKb: number;
};

const log = (line: string) => console.log(`[bench:live] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Resident memory of the instances' processes, in KB (Linux /proc). */
function instancesRssKb(cluster: Cluster): number {
  let total = 0;
  for (const instance of cluster.instances) {
    const pid = instance.process?.pid;
    if (!pid) continue;
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    total += Number(match?.[1] ?? 0);
  }
  return total;
}

type Stream = { arrived: Map<number, number>; request: http.ClientRequest };

/** One reader's stream: records when each event number arrives (performance.now()). */
function openStream(url: string, agent: http.Agent): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const stream: Stream = { arrived: new Map(), request: null as unknown as http.ClientRequest };
    stream.request = http.get(url, { agent, headers: { accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const id = /^id: (\d+)$/m.exec(buffer.slice(0, end));
          if (id) stream.arrived.set(Number(id[1]), now);
          buffer = buffer.slice(end + 2);
        }
      });
      res.on("error", () => {});
      resolve(stream);
    });
    stream.request.on("error", reject);
  });
}

export async function benchLive(cluster: Cluster, db: Db, args: LiveArgs): Promise<LiveResult> {
  const { documentFromParagraphs, documentToPlainText, renderDocumentHtml } = await import("@/lib/content/document");
  const { postEntry } = await import("@/lib/data/live/entries");
  const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@dateline.test" } });
  const actor = { id: editor.id, email: editor.email, name: editor.name, slug: editor.slug, role: editor.role };
  const section = await db.section.findFirstOrThrow({ select: { id: true } });
  const body = documentFromParagraphs(["A live story opened by the cluster benchmark to time entries reaching readers."]);
  const story = await db.article.create({
    data: {
      slug: `bench-live-${Date.now().toString(36)}`, headline: "Bench live story", body: body as never, bodyHtml: renderDocumentHtml(body), bodyText: documentToPlainText(body),
      sectionId: section.id, status: "PUBLISHED", publishedAt: new Date(), isLive: true, coverageStartAt: new Date(), createdById: editor.id,
      authors: { create: [{ userId: editor.id, position: 0 }] },
    },
  });

  const before = instancesRssKb(cluster);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const url = `${cluster.url}/api/live/${story.id}?after=0`;
  log(`opening ${args.streams.toLocaleString("en-US")} streams through nginx…`);
  const streams: Stream[] = [];
  for (let i = 0; i < args.streams; i += 100) {
    const batch = await Promise.allSettled(Array.from({ length: Math.min(100, args.streams - i) }, () => openStream(url, agent)));
    for (const r of batch) if (r.status === "fulfilled") streams.push(r.value);
  }
  await sleep(2_000);
  const rssPerStreamKb = (instancesRssKb(cluster) - before) / Math.max(1, streams.length);
  log(`${streams.length} open; instances +${rssPerStreamKb.toFixed(1)} KB resident per stream`);

  const all: number[] = [];
  const p95PerEntryMs: number[] = [];
  let dropped = 0;
  for (let n = 1; n <= args.entries; n++) {
    const doc = documentFromParagraphs([`Bench entry ${n}: the river gauge reads steady.`]);
    const started = performance.now();
    const posted = await postEntry(actor, { articleId: story.id, title: "", body: doc, isKeyEvent: false, isPinned: false, authorIds: [] });
    const committed = performance.now() - started;
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && streams.some((s) => !s.arrived.has(posted.seq))) await sleep(20);
    const times = streams.map((s) => s.arrived.get(posted.seq)).filter((t): t is number => t !== undefined).map((t) => t - started).sort((a, b) => a - b);
    dropped += streams.length - times.length;
    all.push(...times);
    p95PerEntryMs.push(quantile(times, 0.95));
    log(`entry ${n}: committed after ${committed.toFixed(0)} ms, first stream ${(times[0] ?? 0).toFixed(0)} ms, p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms, ${streams.length - times.length} missing`);
    await sleep(args.entryGap);
  }
  for (const s of streams) s.request.destroy();
  agent.destroy();
  all.sort((a, b) => a - b);
  return {
    streams: args.streams,
    opened: streams.length,
    entries: args.entries,
    deliveryMs: { p50: quantile(all, 0.5), p95: quantile(all, 0.95), p99: quantile(all, 0.99), max: all.at(-1) ?? 0 },
    p95PerEntryMs,
    dropped: dropped + (args.streams - streams.length) * args.entries,
    rssPerStreamKb,
  };
}

/** The live budget's misses (budgets.json "live"). */
export function checkLiveBudget(result: LiveResult, budget: { streams: number; p95MaxMs: number; maxDropped: number }): string[] {
  const misses: string[] = [];
  if (result.streams < budget.streams) misses.push(`live: ${result.streams} streams < ${budget.streams}`);
  if (result.deliveryMs.p95 > budget.p95MaxMs) misses.push(`live: entry → streams p95 ${result.deliveryMs.p95.toFixed(0)} ms > ${budget.p95MaxMs} ms`);
  if (result.dropped > budget.maxDropped) misses.push(`live: ${result.dropped} dropped deliveries > ${budget.maxDropped}`);
  return misses;
}
