/**
 * `npm run bench -- --send [--subscribers 10000]`: one newsletter edition to N confirmed subscribers, sent by a worker
 * in a process of its own (scripts/lib/newsletter-worker.ts, as an instance's scheduler runs it) to a local SMTP sink
 * (smtp-server in this process, counting each message's recipient and Message-ID without parsing the rest). Reports
 * messages per second (first accepted to last), the worker's resident memory (at start, sampled, peak: a flat line is
 * the goal), duplicates and missing copies. Goal (budgets.json "send"): ≥ 200 messages/s, 0 duplicates, 0 missing.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { sectionList } from "@/lib/newsletters/lists";
import { documentFromParagraphs, documentToPlainText, renderDocumentHtml } from "@/lib/content/document";
import { makeThrowawayDir } from "../db/embedded";
import { prepareDatabase } from "../db/prepare";
import { standaloneNodeArgs } from "../standalone";

export type SendResult = { subscribers: number; seconds: number; messagesPerSec: number; rssStartMb: number; rssPeakMb: number; rssSamplesMb: number[]; duplicates: number; missing: number };

const log = (line: string) => console.log(`[bench:send] ${line}`);

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** The sink: for each recipient, the Message-IDs it received. */
async function startSink() {
  const received = new Map<string, string[]>();
  let first = 0;
  let last = 0;
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? "";
        for (const rcpt of session.envelope.rcptTo) received.set(rcpt.address, [...(received.get(rcpt.address) ?? []), id]);
        last = Date.now();
        first ||= last;
        total++;
        callback();
      });
    },
  });
  // The worker is stopped with its pooled connections open: a reset is the end of one, not a failure.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, stats: () => ({ first, last, total }), close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function seed(db: Db, subscribers: number): Promise<string> {
  const id = randomBytes(4).toString("hex");
  const section = await db.section.create({ data: { name: `Bench ${id}`, slug: `bench-${id}` } });
  const author = await db.user.create({ data: { email: `bench-${id}@bench.test`, name: "Bench Author", slug: `bench-author-${id}`, role: "EDITOR", status: "ACTIVE" } });
  const body = documentFromParagraphs(["The council met on Tuesday to discuss the water plan, and residents filled the chamber."]);
  const article = await db.article.create({
    data: { slug: `bench-${id}`, headline: "The water plan, explained", dek: "What changes for residents.", body: body as unknown as Prisma.InputJsonValue, bodyHtml: renderDocumentHtml(body), bodyText: documentToPlainText(body), sectionId: section.id, status: "PUBLISHED", publishedAt: new Date(), createdById: author.id },
  });
  for (let start = 0; start < subscribers; start += 2_000) {
    const emails = Array.from({ length: Math.min(2_000, subscribers - start) }, (_, i) => `reader-${start + i}@sink.bench.test`);
    await db.subscriber.createMany({ data: emails.map((email) => ({ email, status: "CONFIRMED" as const })) });
    const rows = await db.subscriber.findMany({ where: { email: { in: emails } }, select: { id: true } });
    await db.newsletterMembership.createMany({ data: rows.map((r) => ({ subscriberId: r.id, list: sectionList(section.id), kind: "SECTION" as const, sectionId: section.id })) });
  }
  const edition = await db.edition.create({ data: { kind: "SECTION", sectionId: section.id, subject: "The day's news", intro: "Good morning.", items: [article.id], itemsEdited: true } });
  return edition.id;
}

export async function benchSend(root: string, subscribers: number, profileDir?: string): Promise<SendResult> {
  log(`throwaway PostgreSQL with ${subscribers.toLocaleString("en-US")} confirmed subscribers…`);
  const prepared = await prepareDatabase({ dataDir: makeThrowawayDir("dateline-bench-send"), database: "dateline_bench_send", throwaway: true, log: () => {} });
  const sink = await startSink();
  process.env.DATABASE_URL = prepared.url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const db = createPrismaClient(prepared.url, { max: 4 });
  try {
    const editionId = await seed(db, subscribers);
    // Imported here: lib/data is server-only, loadable only in the re-spawned process (runSendBench).
    const { queueEdition } = await import("@/lib/data/newsletters/queue");
    const queued = await queueEdition(editionId);
    log(`queued ${queued} copies; a worker sends them to the local SMTP sink…`);
    const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    // The heap capped as in an app instance, whose scheduler runs this loop (DATELINE_HEAP_MB, decision 0028).
    const worker = spawn(process.execPath, [...standaloneNodeArgs(), ...profile, "--conditions=react-server", "--import", "tsx", path.join(root, "scripts/lib/newsletter-worker.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: prepared.url, SMTP_URL: sink.url, NEWSLETTER_RATE_PER_MINUTE: "1000000", DISABLE_SCHEDULER: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    let exited: number | null = null;
    worker.once("exit", (code) => (exited = code ?? 1));
    const samples: number[] = [];
    const deadline = Date.now() + Math.max(120_000, subscribers * 50);
    let sentRows = 0;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (exited !== null) throw new Error(`the worker stopped (exit ${exited}) before sending everything`);
      samples.push(rssMb(worker.pid));
      sentRows = await db.newsletterSend.count({ where: { editionId, state: "SENT" } });
      if (sentRows >= subscribers) break;
    }
    worker.kill("SIGTERM");
    const { first, last } = sink.stats();
    const all = [...sink.received.values()];
    const duplicates = all.reduce((n, ids) => n + ids.length - 1, 0);
    const missing = subscribers - sink.received.size;
    const seconds = Math.max(0.001, (last - first) / 1000);
    const live = samples.filter((mb) => mb > 0);
    return {
      subscribers,
      seconds: Math.round(seconds * 10) / 10,
      messagesPerSec: Math.round(sink.received.size / seconds),
      rssStartMb: live[0] ?? 0,
      rssPeakMb: Math.max(0, ...live),
      rssSamplesMb: live.filter((_, i) => i % Math.max(1, Math.ceil(live.length / 10)) === 0),
      duplicates,
      missing,
    };
  } finally {
    await db.$disconnect();
    await sink.close();
    await prepared.embedded?.stop();
  }
}

/**
 * The `--send` run: flags `--subscribers N` (10,000), `--check` (budgets.json "send"), `--out file.json`, and
 * `--cpu-prof DIR` (the worker's CPU profile, written to DIR when it is stopped; open it in Chrome's DevTools).
 */
export async function runSendBench(argv: string[]): Promise<void> {
  const root = process.cwd();
  if (!process.execArgv.includes("--conditions=react-server") && !(process.env.NODE_OPTIONS ?? "").includes("react-server")) {
    // It queues through lib/data, whose modules are `server-only` (an empty module under this condition, as in Next).
    const { spawnSync } = await import("node:child_process");
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/bench/index.ts"), ...argv], { stdio: "inherit" });
    process.exitCode = r.status ?? 1;
    return;
  }
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const subscribers = Number.parseInt(flag("--subscribers") ?? "10000", 10);
  if (!(subscribers > 0)) throw new Error("--subscribers takes a positive number");
  const profileDir = flag("--cpu-prof");
  const result = await benchSend(root, subscribers, profileDir && path.resolve(profileDir));
  console.log(
    `\nsend: ${result.subscribers.toLocaleString("en-US")} subscribers in ${result.seconds} s: ${result.messagesPerSec} messages/s; worker memory ${result.rssStartMb} MB at start, peak ${result.rssPeakMb} MB (samples ${result.rssSamplesMb.join(", ")} MB); duplicates ${result.duplicates}, missing ${result.missing}`,
  );
  const { mkdirSync, writeFileSync } = await import("node:fs");
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const at = new Date().toISOString();
  const out = flag("--out") ?? path.join(root, "bench-results", `send-${at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, JSON.stringify({ at, machine: { cpus: (await import("node:os")).cpus().length, node: process.version }, send: result }, null, 2));
  log(`wrote ${path.relative(root, out)}`);
  if (argv.includes("--check")) {
    const budget = (JSON.parse(readFileSync(path.join(root, "scripts/bench/budgets.json"), "utf8")) as { send: { messagesPerSecMin: number; maxDuplicates: number; maxMissing: number } }).send;
    const misses = [
      result.messagesPerSec < budget.messagesPerSecMin && `send: ${result.messagesPerSec} messages/s < ${budget.messagesPerSecMin}`,
      result.duplicates > budget.maxDuplicates && `send: ${result.duplicates} duplicates`,
      result.missing > budget.maxMissing && `send: ${result.missing} missing`,
    ].filter(Boolean);
    if (misses.length > 0) {
      console.log(`\nBudget misses:\n${misses.map((m) => `  - ${m}`).join("\n")}`);
      process.exitCode = 1;
    } else console.log("\nAll budgets met.");
  }
}
