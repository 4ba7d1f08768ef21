/**
 * `npm run drill:db-fault`: PostgreSQL goes away for 10 s while readers load pages and an editor autosaves.
 *
 *   npm run drill:db-fault
 *   npm run drill:db-fault -- --outage 10 --before 5 --after 15 --readers 8
 *
 * On its own throwaway database and `next start` (it builds when there is no build): readers load cached public pages
 * (home, sections, articles, feeds, sitemap) without pause, and an editor saves an article every second through
 * PUT /api/articles/:id, each save adding one line. PostgreSQL is stopped ("fast" shutdown) for --outage seconds and
 * started again. It prints a per-second timeline and checks what the issue asks for:
 *   - every reader request succeeds, during the outage too (cached pages do not need the database);
 *   - every save during the outage answers 503 quickly (not a 500, not a hang); the editor keeps its text;
 *   - saves succeed again within 10 s of the restart, without restarting the app;
 *   - every line of every accepted save is in the article (or its revision history) at the end;
 *   - the app's one LISTEN connection came back: a change saved after the outage shows on its cached page.
 * Exits 1 when one of them fails. Not for CI: it takes ~40 s and loads the machine.
 */
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { signIn } from "../lib/app-server";
import { createDraft, documentOf, findLostMarkers, loadArticle, pad, parseNumberFlags, putArticle, startDrill, type SaveAnswer } from "./shared";

const USAGE = "Flags: --before S --outage S --after S --readers N (see the header of scripts/drills/db-fault.ts).";
const log = (line: string) => console.log(`[drill] ${line}`);
const READER_TIMEOUT_MS = 5_000;
const SAVE_TIMEOUT_MS = 10_000;
/** A save during the outage must be refused at least this fast to count as "a clear 503, not a hang". */
const OUTAGE_ANSWER_MAX_MS = 6_000;
const RECOVERY_MAX_S = 10;

type ReaderHit = { t: number; ok: boolean; status: number; path: string };
type SaveRecord = SaveAnswer & { t: number; lines: number };

async function main() {
  const args = parseNumberFlags(process.argv.slice(2), { before: 5, outage: 10, after: 15, readers: 8 }, USAGE);
  const drill = await startDrill("db-fault", log);
  const { app, db, prepared } = drill;
  const base = app.base;
  const failures: string[] = [];
  try {
    if (!prepared.embedded) throw new Error("The drill needs its own embedded PostgreSQL.");
    const embedded = prepared.embedded;

    // The pages readers load: all must be cacheable (200 and served from the cache once warm).
    const sections = await db.section.findMany({ select: { slug: true }, orderBy: { position: "asc" }, take: 3 });
    const articles = await db.article.findMany({
      where: { status: "PUBLISHED" },
      select: { id: true, slug: true, section: { select: { slug: true } } },
      orderBy: { publishedAt: "desc" },
      take: 12,
    });
    const paths = ["/", ...sections.map((s) => `/${s.slug}`), ...articles.map((a) => `/${a.section.slug}/${a.slug}`), "/feed.xml", "/atom.xml", "/sitemap.xml"];
    for (const p of paths) {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${base}${p}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${p} answered ${res.status} before the outage`);
      }
    }
    log(`${paths.length} public pages warmed in the cache`);

    // The editor: signed in before the outage (the session is a JWT cookie), editing a draft of their own.
    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@dateline.test" }, select: { id: true } });
    const cookie = await signIn(base, "editor@dateline.test", DEMO_PASSWORD);
    const articleId = await createDraft(db, editor.id, "db-fault");
    const start = await loadArticle(db, articleId);

    const t0 = performance.now();
    const now = () => (performance.now() - t0) / 1000;
    const total = args.before + args.outage + args.after;
    const hits: ReaderHit[] = [];
    const saves: SaveRecord[] = [];
    let downAt = Number.POSITIVE_INFINITY;
    let upAt = Number.POSITIVE_INFINITY;

    const reader = async (index: number) => {
      let i = index;
      while (now() < total) {
        const p = paths[i++ % paths.length]!;
        const t = now();
        try {
          const res = await fetch(`${base}${p}`, { signal: AbortSignal.timeout(READER_TIMEOUT_MS) });
          await res.arrayBuffer();
          hits.push({ t, ok: res.status === 200, status: res.status, path: p });
        } catch {
          hits.push({ t, ok: false, status: 0, path: p });
        }
      }
    };

    // Typing: one new line a second; a save sends everything typed so far (as the client does) on the last saved version.
    const lines: string[] = [];
    let version = start.version;
    const editorLoop = async () => {
      while (now() < total) {
        const tickAt = now();
        lines.push(`Drill line ${lines.length + 1} typed at ${tickAt.toFixed(1)} s.`);
        const answer = await putArticle(base, cookie, articleId, { ...start.payload, body: documentOf(lines) }, version, SAVE_TIMEOUT_MS);
        saves.push({ ...answer, t: tickAt, lines: lines.length });
        if (answer.status === 200 && answer.version) version = answer.version;
        const wait = tickAt + 1 - now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait * 1000));
      }
    };

    const fault = async () => {
      await new Promise((r) => setTimeout(r, args.before * 1000));
      downAt = now();
      await embedded.halt();
      log(`PostgreSQL stopped at ${downAt.toFixed(1)} s (took ${(now() - downAt).toFixed(1)} s)`);
      const wait = downAt + args.outage - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait * 1000));
      const restartAt = now();
      await embedded.resume();
      upAt = now();
      log(`PostgreSQL started again at ${upAt.toFixed(1)} s (took ${(upAt - restartAt).toFixed(1)} s)`);
    };

    log(`running: ${args.before} s normal, ${args.outage} s without PostgreSQL, ${args.after} s after; ${args.readers} readers, 1 editor`);
    await Promise.all([fault(), editorLoop(), ...Array.from({ length: args.readers }, (_, i) => reader(i))]);

    // ---- the timeline ----
    const phase = (t: number) => (t < downAt ? "before" : t < upAt ? "OUTAGE" : "after");
    console.log("");
    console.log(pad("second", 8) + pad("phase", 8) + pad("reads ok", 10) + pad("failed", 8) + "saves (status/ms)");
    for (let s = 0; s < Math.ceil(total); s++) {
      const inSecond = hits.filter((h) => h.t >= s && h.t < s + 1);
      const ok = inSecond.filter((h) => h.ok).length;
      const failed = inSecond.length - ok;
      const savesHere = saves.filter((x) => x.t >= s && x.t < s + 1).map((x) => `${x.status || "none"}/${Math.round(x.ms)}`);
      console.log(pad(s, 8) + pad(phase(s + 0.5), 8) + pad(ok, 10) + pad(failed, 8) + savesHere.join(" "));
    }

    // ---- the requirements ----
    const failedReads = hits.filter((h) => !h.ok);
    const outageReads = hits.filter((h) => h.t >= downAt && h.t < upAt);
    console.log("");
    log(`reader requests: ${hits.length} (${outageReads.length} during the outage); failed: ${failedReads.length}`);
    if (outageReads.length === 0) failures.push("no reader request was made during the outage");
    if (failedReads.length > 0) {
      const sample = failedReads.slice(0, 5).map((h) => `${h.path} → ${h.status || "no answer"} at ${h.t.toFixed(1)} s (${phase(h.t)})`);
      failures.push(`${failedReads.length} reader requests failed, e.g. ${sample.join("; ")}`);
    }

    const outageSaves = saves.filter((x) => x.t >= downAt && x.t + x.ms / 1000 <= upAt);
    const statusCounts = (list: SaveRecord[]) => Object.entries(list.reduce<Record<string, number>>((acc, x) => ((acc[x.status || "none"] = (acc[x.status || "none"] ?? 0) + 1), acc), {})).map(([k, v]) => `${v}× ${k}`).join(", ");
    log(`saves during the outage: ${outageSaves.length} (${statusCounts(outageSaves) || "none"}), slowest answer ${Math.round(Math.max(0, ...outageSaves.map((x) => x.ms)))} ms`);
    if (outageSaves.length === 0) failures.push("no save was attempted during the outage");
    const bad = outageSaves.filter((x) => x.status !== 503 || x.ms > OUTAGE_ANSWER_MAX_MS);
    if (bad.length > 0) failures.push(`${bad.length} saves during the outage were not a quick 503: ${bad.slice(0, 5).map((x) => `${x.status || "no answer"} in ${Math.round(x.ms)} ms`).join(", ")}`);
    if (outageSaves[0]?.message) log(`what the editor is told: “${outageSaves[0].message}”`);

    const firstAfter = saves.find((x) => x.t >= upAt && x.status === 200) ?? saves.find((x) => x.t + x.ms / 1000 >= upAt && x.status === 200);
    const recovery = firstAfter ? firstAfter.t + firstAfter.ms / 1000 - upAt : null;
    log(`first successful save after the restart: ${recovery === null ? "none" : `${recovery.toFixed(1)} s after PostgreSQL was back`}`);
    if (recovery === null || recovery > RECOVERY_MAX_S) failures.push(`saves did not succeed within ${RECOVERY_MAX_S} s of the restart`);
    const afterRecovery = firstAfter ? saves.filter((x) => x.t > firstAfter.t && x.status !== 200) : [];
    if (afterRecovery.length > 0) failures.push(`${afterRecovery.length} saves failed after the first successful one: ${statusCounts(afterRecovery)}`);
    const serverErrors = saves.filter((x) => x.status >= 500 && x.status !== 503);
    if (serverErrors.length > 0) failures.push(`${serverErrors.length} saves answered a server error (${statusCounts(serverErrors)})`);
    log(`all saves: ${saves.length} (${statusCounts(saves)})`);

    // Every accepted save: each of its lines is in the article now (or in a revision).
    const accepted = saves.filter((x) => x.status === 200);
    const markers = [...new Set(accepted.flatMap((x) => lines.slice(0, x.lines)))];
    const lost = await findLostMarkers(db, articleId, markers);
    const final = await loadArticle(db, articleId);
    log(`accepted saves: ${accepted.length}; lines they carried: ${markers.length}; missing from the article and its history: ${lost.length}; final version ${final.version}`);
    if (lost.length > 0) failures.push(`lost saved text: ${lost.slice(0, 3).join(" | ")}`);
    if (accepted.at(-1)?.version !== final.version) failures.push(`the last accepted save was version ${accepted.at(-1)?.version}, the article is at ${final.version}`);

    // The app's one LISTEN connection (the cache handlers' tag expiry and the 410 list share it) is back, and a change
    // saved now shows on its cached page (the invalidation arrived).
    const listeners = new pg.Client({ connectionString: prepared.url });
    await listeners.connect();
    let names: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { rows } = await listeners.query<{ name: string }>(`SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE 'dateline-listener%'`);
      names = rows.map((r) => r.name);
      if (names.length > 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await listeners.end();
    log(`LISTEN connections after the restart: ${names.join(", ") || "none"}`);
    if (names.length === 0) failures.push("the app's LISTEN connection did not come back");
    if (names.length > 1) failures.push(`the app holds ${names.length} LISTEN connections, not one`);

    const target = articles[0]!;
    const page = `/${target.section.slug}/${target.slug}`;
    const current = await loadArticle(db, target.id);
    const headline = `After the outage ${Date.now().toString(36)}`;
    const edit = await putArticle(base, cookie, target.id, { ...current.payload, headline }, current.version);
    let shown = false;
    const editAt = performance.now();
    while (edit.status === 200 && performance.now() - editAt < 5_000) {
      if ((await (await fetch(`${base}${page}`)).text()).includes(headline)) {
        shown = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    log(`a published article saved after the outage: ${edit.status}; its cached page ${shown ? `shows the change after ${Math.round(performance.now() - editAt)} ms` : "does NOT show the change within 5 s"}`);
    if (!shown) failures.push("a change saved after the outage did not reach the cached page (invalidation not recovered)");
  } finally {
    await drill.close();
  }

  console.log("");
  if (failures.length > 0) {
    console.log(`FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    process.exitCode = 1;
  } else console.log("PASSED: cached pages served throughout, saves refused with 503 during the outage and accepted after, nothing lost.");
}

main().catch((error: unknown) => {
  console.error(`[drill] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
