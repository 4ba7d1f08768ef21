/**
 * `npm run drill:concurrency`: 5 editors save while 200 reader connections load public pages, for 60 s.
 *
 *   npm run drill:concurrency
 *   npm run drill:concurrency -- --duration 20 --readers 50 --editors 5 --shared 3
 *
 * On its own throwaway database and `next start` (it builds when there is no build). --shared editors work on the
 * same article, the others on one article each. An editor adds a line of its own and saves about every second
 * (PUT /api/articles/:id, as the editor client does); on a 409 it does what the client's conflict panel lets a
 * writer do: load the current version, add its own lines to theirs ("merge"), and save on top of it. Readers
 * (autocannon) cycle through home, sections, articles and feeds.
 *
 * Meanwhile an editor opens the dashboard about once a second, and a story scheduled for a whole minute during the
 * run must be published by the in-server scheduler within 5 s of that minute (the run is stretched to include one).
 *
 * Passes when there are 0 server errors (5xx, or no answer) for readers and editors, and 0 lost saves: every line of
 * every accepted (200) save is in its article at the end or in the article's revision history, and every accepted
 * save became exactly the version after the one it was based on (else it silently replaced another accepted save,
 * which a later merge could hide); and staff stayed fast: saves p95 < 1 s, dashboard p95 < 1.5 s, the scheduled
 * story on time (docs/decisions/0023-staff-first-under-reader-load.md). Exit 1 otherwise.
 * Not for CI: it loads both cores for the whole run.
 */
import autocannon from "autocannon";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { signIn } from "../lib/app-server";
import { createDraft, documentOf, findLostMarkers, linesOf, loadArticle, pad, parseNumberFlags, putArticle, startDrill } from "./shared";
import { nextMinute, percentile, probeDashboard, watchScheduledPublish } from "./staff-probes";

/** Staff's promises under reader load (issue 22). */
const SAVE_P95_MAX_MS = 1_000;
const DASHBOARD_P95_MAX_MS = 1_500;
const SCHEDULED_LATE_MAX_MS = 5_000;

const USAGE = "Flags: --duration S --readers N --editors N --shared N (see the header of scripts/drills/concurrency.ts).";
const log = (line: string) => console.log(`[drill] ${line}`);

type EditorStats = {
  name: string;
  articleId: string;
  accepted: number;
  conflicts: number;
  serverErrors: number;
  other: Record<string, number>;
  markers: string[];
  /** Accepted saves that did not become exactly base + 1: applied over a version their sender never saw. */
  overwrites: string[];
  maxMs: number;
  /** Every save's time to answer, accepted or not. */
  times: number[];
};

async function createEditors(db: Db, count: number): Promise<{ id: string; email: string }[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, 4);
  const stamp = Date.now().toString(36);
  const users = [];
  for (let i = 0; i < count; i++) {
    users.push(
      await db.user.create({
        data: { email: `drill-editor-${i}-${stamp}@dateline.test`, name: `Drill Editor ${i}`, slug: `drill-editor-${i}-${stamp}`, role: "EDITOR", status: "ACTIVE", passwordHash },
        select: { id: true, email: true },
      }),
    );
  }
  return users;
}

async function main() {
  const args = parseNumberFlags(process.argv.slice(2), { duration: 60, readers: 200, editors: 5, shared: 3 }, USAGE);
  if (args.shared > args.editors) throw new Error("--shared cannot be more than --editors");
  const drill = await startDrill("concurrency", log);
  const { app, db } = drill;
  const base = app.base;
  const failures: string[] = [];
  try {
    const sections = await db.section.findMany({ select: { slug: true }, orderBy: { position: "asc" } });
    // The default edition's stories: another edition's live under its prefix, with its own section slugs.
    const published = await db.article.findMany({ where: { status: "PUBLISHED", edition: { isDefault: true } }, select: { slug: true, section: { select: { slug: true } } }, orderBy: { publishedAt: "desc" }, take: 30 });
    const paths = ["/", ...sections.map((s) => `/${s.slug}`), ...published.map((a) => `/${a.section.slug}/${a.slug}`), "/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml"];
    for (const p of paths) await (await fetch(`${base}${p}`)).arrayBuffer(); // warm, as after any deploy

    const users = await createEditors(db, args.editors);
    const cookies = await Promise.all(users.map((u) => signIn(base, u.email, DEMO_PASSWORD)));
    const sharedArticle = args.shared > 0 ? await createDraft(db, users[0]!.id, "shared") : null;
    const stats: EditorStats[] = [];
    for (const [i, user] of users.entries()) {
      const articleId = i < args.shared ? sharedArticle! : await createDraft(db, user.id, `own-${i}`);
      stats.push({ name: `editor ${i}${i < args.shared ? " (shared)" : ""}`, articleId, accepted: 0, conflicts: 0, serverErrors: 0, other: {}, markers: [], overwrites: [], maxMs: 0, times: [] });
    }

    // A story due on a whole minute inside the run (stretched by up to a minute so that one falls in it).
    const scheduledId = await createDraft(db, users[0]!.id, "scheduled");
    const dueAt = nextMinute(10_000);
    const duration = Math.max(args.duration, Math.ceil((dueAt.getTime() - Date.now()) / 1000) + 10);
    const endAt = Date.now() + duration * 1000;
    const editorLoop = async (i: number) => {
      const me = stats[i]!;
      const cookie = cookies[i]!;
      const start = await loadArticle(db, me.articleId);
      let version = start.version;
      let lines = linesOf(start.bodyText);
      let n = 0;
      let retryNow = false;
      while (Date.now() < endAt) {
        if (!retryNow) {
          // Each editor saves about once a second (the client autosaves ~2 s after typing), slightly out of step.
          await new Promise((r) => setTimeout(r, 700 + Math.random() * 600));
          lines = [...lines, `Editor ${i} line ${++n}.`];
        }
        retryNow = false;
        const answer = await putArticle(base, cookie, me.articleId, { ...start.payload, body: documentOf(lines) }, version, 30_000);
        me.maxMs = Math.max(me.maxMs, answer.ms);
        me.times.push(answer.ms);
        if (answer.status === 200 && answer.version) {
          me.accepted++;
          // Saved on top of exactly the version it was based on, or it silently replaced someone's accepted save.
          if (answer.version !== version + 1) me.overwrites.push(`based on ${version}, saved as ${answer.version}`);
          version = answer.version;
          // This save carried all of my lines so far: each must survive.
          me.markers = lines.filter((l) => l.startsWith(`Editor ${i} `));
        } else if (answer.status === 409) {
          // As the conflict panel: load theirs, add my lines that they lack ("merge"), save on top of theirs.
          me.conflicts++;
          const theirs = await loadArticle(db, me.articleId);
          const theirLines = linesOf(theirs.bodyText);
          lines = [...theirLines, ...lines.filter((l) => !theirLines.includes(l))];
          version = theirs.version;
          retryNow = true;
        } else if (answer.status >= 500 || answer.status === 0) {
          me.serverErrors++;
          me.other[answer.status || "no answer"] = (me.other[answer.status || "no answer"] ?? 0) + 1;
        } else {
          me.other[answer.status] = (me.other[answer.status] ?? 0) + 1;
        }
      }
    };

    log(`running ${duration} s: ${args.readers} reader connections over ${paths.length} pages; ${args.editors} editors (${args.shared} on one article); a story scheduled for ${dueAt.toISOString()}`);
    // In a worker thread: on this process's event loop the readers' load would delay the editors' and the dashboard's
    // own requests and timers, and the drill would charge the server for its own lag. Each connection cycles
    // through the pages.
    const readers = autocannon({
      url: base,
      connections: args.readers,
      duration,
      timeout: 30,
      workers: 1,
      requests: paths.map((path) => ({ method: "GET" as const, path })),
    });
    const [r, dashboard, scheduled] = await Promise.all([
      readers,
      probeDashboard(base, cookies[0]!, endAt),
      watchScheduledPublish(db, scheduledId, dueAt),
      ...stats.map((_, i) => editorLoop(i)),
    ]);

    // ---- report ----
    const codes = Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${s?.count ?? 0}× ${code}`).join(", ");
    const reader5xx = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => Number(code) >= 500).reduce((sum, [, s]) => sum + (s?.count ?? 0), 0);
    console.log("");
    log(`readers: ${r.requests.total} requests (${Math.round(r.requests.average)} req/s); ${codes}; p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; errors ${r.errors}, timeouts ${r.timeouts}`);
    console.log(pad("editor", 22) + pad("accepted", 10) + pad("409s", 7) + pad("5xx", 6) + pad("other", 14) + pad("slowest", 10) + "lost");
    let lostTotal = 0;
    for (const s of stats) {
      const lost = await findLostMarkers(db, s.articleId, s.markers);
      lostTotal += lost.length + s.overwrites.length;
      if (s.overwrites.length > 0) failures.push(`${s.name}: ${s.overwrites.length} accepted saves overwrote a version they never saw (${s.overwrites.slice(0, 3).join("; ")})`);
      if (lost.length > 0) failures.push(`${s.name}: ${lost.length} accepted lines missing, e.g. ${lost.slice(0, 3).join(" | ")}`);
      const other = Object.entries(s.other).filter(([k]) => !(Number(k) >= 500) && k !== "no answer").map(([k, v]) => `${v}×${k}`).join(" ") || "-";
      console.log(pad(s.name, 22) + pad(s.accepted, 10) + pad(s.conflicts, 7) + pad(s.serverErrors, 6) + pad(other, 14) + pad(`${Math.round(s.maxMs)} ms`, 10) + (lost.length + s.overwrites.length));
    }
    const editor5xx = stats.reduce((sum, s) => sum + s.serverErrors, 0);
    const accepted = stats.reduce((sum, s) => sum + s.accepted, 0);
    const conflicts = stats.reduce((sum, s) => sum + s.conflicts, 0);
    log(`server errors: readers ${reader5xx} (+${r.errors} connection errors, ${r.timeouts} timeouts), editors ${editor5xx}; accepted saves ${accepted}, conflicts handled ${conflicts}, lost saves ${lostTotal}`);
    if (reader5xx + r.errors + r.timeouts > 0) failures.push(`readers saw ${reader5xx} server errors, ${r.errors} connection errors and ${r.timeouts} timeouts`);
    if (r.non2xx - reader5xx > 0) failures.push(`readers saw ${r.non2xx - reader5xx} other non-2xx answers (${codes})`);
    if (editor5xx > 0) failures.push(`editors saw ${editor5xx} server errors`);
    if (accepted === 0) failures.push("no save was accepted");

    const saveP95 = percentile(stats.flatMap((s) => s.times), 0.95);
    const dashboardP95 = percentile(dashboard.times, 0.95);
    log(
      `staff under reader load: saves p95 ${Math.round(saveP95)} ms (target < ${SAVE_P95_MAX_MS}); dashboard p95 ${Math.round(dashboardP95)} ms over ${dashboard.times.length} visits ` +
        `(target < ${DASHBOARD_P95_MAX_MS}); scheduled story published ${scheduled.lateMs === null ? "NOT within 20 s" : `${(scheduled.lateMs / 1000).toFixed(1)} s`} after its minute (target ≤ ${SCHEDULED_LATE_MAX_MS / 1000} s)`,
    );
    if (saveP95 >= SAVE_P95_MAX_MS) failures.push(`saves p95 ${Math.round(saveP95)} ms ≥ ${SAVE_P95_MAX_MS} ms`);
    if (dashboard.times.length === 0 || dashboardP95 >= DASHBOARD_P95_MAX_MS) failures.push(`dashboard p95 ${Math.round(dashboardP95)} ms ≥ ${DASHBOARD_P95_MAX_MS} ms`);
    failures.push(...dashboard.failures.slice(0, 5));
    if (scheduled.lateMs === null || scheduled.lateMs > SCHEDULED_LATE_MAX_MS) failures.push(`the scheduled story was published ${scheduled.lateMs === null ? "not at all" : `${scheduled.lateMs} ms`} after its minute`);
    for (const s of stats) if (Object.keys(s.other).some((k) => !(Number(k) >= 500) && k !== "no answer")) failures.push(`${s.name}: unexpected answers ${JSON.stringify(s.other)}`);
  } finally {
    await drill.close();
  }

  console.log("");
  if (failures.length > 0) {
    console.log(`FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    process.exitCode = 1;
  } else console.log("PASSED: 0 server errors, 0 lost saves, staff fast and the schedule on time.");
}

main().catch((error: unknown) => {
  console.error(`[drill] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
