/**
 * The cluster topology end to end (`npm run test:cluster`, run by `npm test` after the build; docs/deploy.md): two
 * standalone instances behind nginx, one Redis, one throwaway PostgreSQL seeded with the demo newsroom.
 *
 * Needs a production build (`npm run build`) and nginx + redis-server (installed with apt-get as root).
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import Redis from "ioredis";
import type { Cluster } from "../../scripts/cluster/cluster";
import type { XmlElement, XmlText } from "yjs";
import type { Db } from "../../lib/db/client";
import { startSmtpInbox, type SmtpInbox } from "../support/smtp-inbox";

let cluster: Cluster;
let db: Db;
/** The mail provider of every instance: newsletters and notification e-mails go here. */
let inbox: SmtpInbox;
let stopDatabase: () => Promise<void> = async () => {};
let unique = 0;
const CRON_SECRET = "cluster-test-cron-secret-0123456789abcdef";
const EDITOR = { email: "editor@dateline.test", password: "dateline-demo-2026" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const instanceUrl = (i: number) => `http://127.0.0.1:${cluster.instances[i]!.port}`;

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  return { status: res.status, body, headers: res.headers };
}

/** Polls until `check` holds; returns the milliseconds it took. */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(20);
  }
}

async function draft(label: string) {
  const { documentFromParagraphs, documentToPlainText, renderDocumentHtml } = await import("../../lib/content/document");
  const section = await db.section.findUniqueOrThrow({ where: { slug: "news" } });
  const author = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
  const id = `${Date.now().toString(36)}${(unique++).toString(36)}`;
  const body = documentFromParagraphs([
    `A cluster test story ${id}: the council met on Tuesday to discuss the water plan, and residents filled the chamber to ask about pressure cuts.`,
    "Officials said the schedule would be reviewed every month, and that neighborhoods with the oldest pipes would be first in line for repairs.",
    "The city engineer told the meeting that crews would start in the north districts next month, working at night to keep the water running for schools and clinics.",
  ]);
  const headline = `Cluster ${label} ${id}`;
  const article = await db.article.create({
    data: {
      slug: `cluster-${label}-${id}`,
      headline,
      dek: "A story made by the cluster test, with a dek long enough to serve as its search description.",
      body: body as never,
      bodyHtml: renderDocumentHtml(body),
      bodyText: documentToPlainText(body),
      datelineCity: "Saltillo",
      sectionId: section.id,
      createdById: author.id,
      authors: { create: [{ userId: author.id, position: 0 }] },
    },
  });
  return { id: article.id, headline, path: `/news/${article.slug}` };
}

async function editorActor() {
  const user = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
  return { id: user.id, email: user.email, name: user.name, slug: user.slug, role: user.role } as const;
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) jar.set(name.trim(), value.join("="));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: EDITOR.email, password: EDITOR.password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

beforeAll(async () => {
  const { findFreePort, makeThrowawayDir } = await import("../../scripts/db/embedded");
  const { prepareDatabase } = await import("../../scripts/db/prepare");
  const { startCluster } = await import("../../scripts/cluster/cluster");
  const prepared = await prepareDatabase({ dataDir: makeThrowawayDir("dateline-cluster"), database: "dateline_cluster", throwaway: true, log: () => {} });
  stopDatabase = async () => void (await prepared.embedded?.stop());
  process.env.DATABASE_URL = prepared.url;
  process.env.AUTH_SECRET ??= "cluster-test-secret-that-is-long-enough";
  const { createPrismaClient } = await import("../../lib/db/client");
  db = createPrismaClient(prepared.url, { max: 4 });
  inbox = await startSmtpInbox();
  const port = await findFreePort(18080);
  const os = await import("node:os");
  const { mkdtempSync } = await import("node:fs");
  cluster = await startCluster({
    instances: 2,
    port,
    dir: mkdtempSync(`${os.tmpdir()}/dateline-cluster-`),
    databaseUrl: prepared.url,
    authSecret: process.env.AUTH_SECRET,
    // Instance A (index 0) runs the in-server scheduler every 500 ms; B's scheduler runs when its cron endpoint is
    // called, so "published through A" is certain and both processes can still race for the same rows.
    instanceEnv: (i): Record<string, string> => (i === 1 ? { DISABLE_SCHEDULER: "1" } : {}),
    env: { CRON_SECRET, SCHEDULER_INTERVAL_MS: "500", SMTP_URL: inbox.url, NEWSLETTER_RATE_PER_MINUTE: "1000000", MEDIA_LOCAL_DIR: mkdtempSync(`${os.tmpdir()}/dateline-cluster-media-`), DATELINE_CACHE_QUIET: "1" },
    // CLUSTER_VERBOSE=1 prints the cluster's start-up and each front-cache refresh.
    log: process.env.CLUSTER_VERBOSE ? (line) => console.log(`[cluster] ${line}`) : () => {},
  });
  // Warm each instance as a serving one would be: the first renders of a fresh process (JIT, module loading) take
  // several times longer than the rest, and the limits below are about delivery, not cold starts.
  const article = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { slug: true, section: { select: { slug: true } } } });
  const { expirePublicTags } = await import("../../lib/data/cache");
  for (let round = 0; round < 3; round++) {
    // Expired each round, so each round renders again rather than answering from the cache.
    await db.$transaction((tx) => expirePublicTags(tx, ["home", "latest", "section:news", `section:${article.section.slug}`, `article:${article.slug}`]));
    await sleep(50);
    for (const i of [0, 1]) {
      for (const path of ["/", "/news", `/${article.section.slug}/${article.slug}`, "/feed.xml", "/news/no-such-story"]) {
        await (await fetch(`${instanceUrl(i)}${path}`)).arrayBuffer();
      }
    }
  }
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await inbox?.close();
  await db?.$disconnect();
  await stopDatabase();
}, 60_000);

describe("publish and unpublish reach every reader", () => {
  test("published through instance A: visible through nginx and directly on B within 1 s, lists refreshed", async () => {
    const { scheduleArticle } = await import("../../lib/data/articles/workflow");
    const actor = await editorActor();
    // Readers have the front page and the (not yet existing) article URL cached in nginx.
    expect((await get(`${cluster.url}/`)).status).toBe(200);
    expect((await get(`${cluster.url}/`)).headers.get("x-cache")).toBe("HIT");

    const s = await draft("publish");
    expect((await get(`${cluster.url}${s.path}`)).status).toBe(404);
    await scheduleArticle(actor, s.id, new Date(Date.now() + 300));
    // Instance A's scheduler publishes it (B's is off); the clock starts when the row says PUBLISHED.
    await within(3_000, "published by instance A's scheduler", async () => (await db.article.findUniqueOrThrow({ where: { id: s.id } })).status === "PUBLISHED");
    if (process.env.CLUSTER_VERBOSE) console.log(`[test] ${new Date().toISOString()} published`);
    const shows = (r: { status: number; body: string }) => r.status === 200 && r.body.includes(s.headline);
    const viaNginx = await within(1_000, "article through nginx", async () => shows(await get(`${cluster.url}${s.path}`)));
    const onB = await within(1_000, "article on instance B", async () => shows(await get(`${instanceUrl(1)}${s.path}`)));
    const home = await within(1_000, "front page through nginx", async () => shows(await get(`${cluster.url}/`)));
    const feed = await within(1_000, "feed through nginx", async () => shows(await get(`${cluster.url}/feed.xml`)));
    console.log(`publish→visible after the publish request returned: article via nginx ${viaNginx} ms, on B ${onB} ms, home ${home} ms, feed ${feed} ms`);
    // Served from nginx's cache afterwards, with the gzip bytes Next made.
    const again = await fetch(`${cluster.url}${s.path}`, { headers: { "accept-encoding": "gzip" } });
    await again.arrayBuffer();
    expect(again.headers.get("x-cache")).toBe("HIT");
  });

  test("unpublished: 410 through nginx and on both instances within 1 s", async () => {
    const { publishArticle, unpublishArticle } = await import("../../lib/data/articles/workflow");
    const actor = await editorActor();
    const s = await draft("unpublish");
    await publishArticle(actor, s.id);
    await within(1_000, "published through nginx", async () => (await get(`${cluster.url}${s.path}`)).status === 200);
    expect((await get(`${cluster.url}${s.path}`)).headers.get("x-cache")).toBe("HIT");
    // A link shared with a tracking query is the same cached page (nginx keys reader pages by their path).
    const shared = await get(`${cluster.url}${s.path}?utm_source=share`);
    expect([shared.status, shared.headers.get("x-cache")]).toEqual([200, "HIT"]);
    await unpublishArticle(actor, s.id);
    // 410 Gone for readers everywhere within 1 s, through nginx and from each instance (an instance that has the
    // notification waits for its reload of the unpublished set before answering, so nginx's refresh stores the 410).
    let seen: number[] = [];
    const everywhere = () => Promise.all([get(`${cluster.url}${s.path}`), get(`${instanceUrl(0)}${s.path}`), get(`${instanceUrl(1)}${s.path}`)]);
    const ms = await within(1_000, "410 everywhere", async () => {
      const all = await everywhere();
      seen = all.map((r) => r.status);
      return all.every((r) => r.status === 410 && !r.body.includes(s.headline));
    }).catch((error: Error) => {
      throw new Error(`${error.message}; last statuses via nginx, A, B: ${seen.join(", ")}`);
    });
    await within(1_000, "off the front page", async () => !(await get(`${cluster.url}/`)).body.includes(s.headline));
    expect((await get(`${cluster.url}${s.path}?utm_source=share`)).status, "the shared link is gone too").toBe(410);
    expect(ms).toBeLessThan(1_000);
  });
});

describe("updates and deletions reach every reader", () => {
  test("a journalist's pending update stays off the page until the desk publishes it; then within 1 s through nginx", async () => {
    const { getArticleForEditor, saveArticle } = await import("../../lib/data/articles/editor");
    const { publishArticle } = await import("../../lib/data/articles/workflow");
    const { publishUpdate, submitUpdate } = await import("../../lib/data/articles/updates");
    const actor = await editorActor();
    const writer = await db.user.findUniqueOrThrow({ where: { email: "journalist@dateline.test" } });
    const journalist = { id: writer.id, email: writer.email, name: writer.name, slug: writer.slug, role: writer.role } as const;
    const s = await draft("update");
    await db.articleAuthor.create({ data: { articleId: s.id, userId: journalist.id, position: 1 } });
    await publishArticle(actor, s.id);
    await within(1_000, "published through nginx", async () => (await get(`${cluster.url}${s.path}`)).status === 200);

    const current = await getArticleForEditor(journalist, s.id);
    const headline = `${s.headline} (updated)`;
    const { documentFromParagraphs } = await import("../../lib/content/document");
    const body = documentFromParagraphs([`${current.bodyText} Crews start on Monday.`]);
    await saveArticle(journalist, {
      ...current,
      articleId: s.id,
      baseVersion: current.version,
      mode: "manual",
      headline,
      body,
      tags: current.tags,
      authorIds: current.authors.map((a) => a.id),
    });
    await sleep(300);
    const shows = (r: { status: number; body: string }, text: string) => r.status === 200 && r.body.includes(text);
    for (const url of [`${cluster.url}${s.path}`, `${instanceUrl(0)}${s.path}`, `${instanceUrl(1)}${s.path}`]) {
      expect(shows(await get(url), "Crews start on Monday.")).toBe(false);
    }

    await submitUpdate(journalist, s.id);
    await publishUpdate(actor, s.id);
    const ms = await within(1_000, "the update through nginx and on both instances", async () => {
      const all = await Promise.all([get(`${cluster.url}${s.path}`), get(`${instanceUrl(0)}${s.path}`), get(`${instanceUrl(1)}${s.path}`)]);
      return all.every((r) => shows(r, "Crews start on Monday.") && r.body.includes("Updated"));
    });
    expect(ms).toBeLessThan(1_000);
  });

  test("deleted after it was unpublished: still 410 through nginx and on both instances", async () => {
    const { publishArticle, unpublishArticle } = await import("../../lib/data/articles/workflow");
    const { deleteArticle } = await import("../../lib/data/articles/delete");
    const actor = await editorActor();
    const s = await draft("delete");
    await publishArticle(actor, s.id);
    await within(1_000, "published through nginx", async () => (await get(`${cluster.url}${s.path}`)).status === 200);
    await unpublishArticle(actor, s.id);
    const everywhere = () => Promise.all([get(`${cluster.url}${s.path}`), get(`${instanceUrl(0)}${s.path}`), get(`${instanceUrl(1)}${s.path}`)]);
    await within(1_000, "410 after unpublishing", async () => (await everywhere()).every((r) => r.status === 410));
    await deleteArticle(actor, s.id);
    // The row is gone; its URL answers 410 from the GonePath list, reloaded by every instance on the notification.
    await sleep(300);
    for (let i = 0; i < 3; i++) {
      expect((await everywhere()).map((r) => r.status)).toEqual([410, 410, 410]);
      await sleep(100);
    }
    expect(await db.article.count({ where: { id: s.id } })).toBe(0);
  });
});

describe("live coverage through the cluster", () => {
  test("an entry reaches streams through nginx and on the other instance within 1 s, the page refreshes, a reconnect replays, the end closes them", async () => {
    const { SseReader } = await import("../support/sse");
    const { endCoverage, postEntry } = await import("../../lib/data/live/entries");
    const { documentFromParagraphs } = await import("../../lib/content/document");
    const actor = await editorActor();
    const s = await draft("live");
    await db.article.update({ where: { id: s.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 1000), isLive: true, coverageStartAt: new Date() } });
    expect((await get(`${cluster.url}${s.path}`)).status).toBe(200);
    expect((await get(`${cluster.url}${s.path}`)).headers.get("x-cache")).toBe("HIT");
    const streams = await Promise.all([`${cluster.url}/api/live/${s.id}?after=0`, `${instanceUrl(1)}/api/live/${s.id}?after=0`].map(async (url) => new SseReader(await fetch(url))));
    await sleep(200);

    const text = `The levee held at ${s.id}.`;
    const posted = Date.now();
    await postEntry(actor, { articleId: s.id, title: "", body: documentFromParagraphs([text]), isKeyEvent: false, isPinned: false, authorIds: [] });
    for (const stream of streams) {
      const [frame] = await stream.next(1, 1_000);
      expect(frame?.event).toBe("entry");
      expect(JSON.parse(frame!.data).text).toBe(text);
    }
    const arrived = Date.now() - posted;
    const page = await within(1_000, "the entry on the page through nginx", async () => (await get(`${cluster.url}${s.path}`)).body.includes(text));
    console.log(`live entry → open streams (nginx and B) ${arrived} ms, page via nginx ${page} ms`);

    // A reader who saw nothing yet reconnects through nginx: the entry is replayed.
    const again = new SseReader(await fetch(`${cluster.url}/api/live/${s.id}`, { headers: { "Last-Event-ID": "0" } }));
    expect((await again.next(1, 1_000)).map((f) => f.event)).toEqual(["entry"]);
    streams.push(again);

    await endCoverage(actor, s.id);
    for (const stream of streams) {
      expect((await stream.next(1, 1_000)).map((f) => f.event)).toEqual(["end"]);
      await stream.next(1, 1_000);
      expect(stream.isDone).toBe(true);
    }
  });
});

describe("one LISTEN connection per instance", () => {
  test("after serving pages, 410s and invalidations, each instance holds exactly one connection on the cache channel", async () => {
    // Each instance's 410 list (bundled into proxy.ts), both cache handlers (loaded by path, outside the bundle) and
    // the tag expiry they share are all in use now: a published page, an unknown article, a page expired just now.
    const article = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { slug: true, section: { select: { slug: true } } } });
    const { expirePublicTags } = await import("../../lib/data/cache");
    await db.$transaction((tx) => expirePublicTags(tx, ["home"]));
    for (const i of [0, 1]) {
      for (const path of ["/", `/${article.section.slug}/${article.slug}`, "/news/no-such-story", "/feed.xml"]) expect((await get(`${instanceUrl(i)}${path}`)).status).not.toBe(500);
    }
    const rows = await db.$queryRaw<{ name: string }[]>`SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE 'dateline-%'`;
    const names = rows.map((r) => r.name);
    for (const instance of cluster.instances) {
      const own = names.filter((n) => n === `dateline-listener pid ${instance.process!.pid}`);
      expect(own, `instance ${instance.index + 1}'s listening connections`).toHaveLength(1);
    }
    // No other listening connection in any instance (the names the 410 list, tag expiry and the replica fence used
    // when each had its own); the cluster's refresher listens from its own process.
    expect(names.filter((n) => /listener|fence/.test(n)).sort()).toEqual(cluster.instances.map((i) => `dateline-listener pid ${i.process!.pid}`).sort());
    expect(names).toContain("dateline-front-refresher");
  });
});

describe("cookies and the cache never mix", () => {
  test("a signed-in editor's dashboard is never cached; readers never get staff data or Set-Cookie from the cache", async () => {
    const cookie = await signIn(cluster.url);
    const editor = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
    for (let i = 0; i < 2; i++) {
      const dash = await get(`${cluster.url}/dashboard`, { cookie });
      expect(dash.status).toBe(200);
      expect(dash.body).toContain(editor.name);
      expect(dash.body).toContain("Sign out");
      expect(dash.headers.get("x-cache")).toBeNull();
    }
    // Public pages for the signed-in editor bypass the cache both ways…
    const front = await get(`${cluster.url}/`, { cookie });
    expect(front.headers.get("x-cache")).toBe("BYPASS");
    // …and a reader afterwards gets no cookie and nothing of the editor's.
    for (const path of ["/", "/news", "/dashboard", "/login", "/feed.xml"]) {
      const reader = await get(`${cluster.url}${path}`);
      expect(reader.headers.get("set-cookie"), path).toBeNull();
      expect(reader.body, path).not.toContain(editor.email);
      expect(reader.body.includes("Sign out"), path).toBe(false);
    }
    // Nothing nginx stored carries a cookie or a staff area.
    const stored = execFileSync("sh", ["-c", `cat $(find '${cluster.dir}/nginx/cache' -type f) 2>/dev/null || true`], { maxBuffer: 256 * 1024 * 1024 }).toString("latin1");
    expect(stored).toContain("KEY: GET /");
    expect(/^set-cookie:/im.test(stored)).toBe(false);
    expect(stored).not.toMatch(/KEY: GET \/(dashboard|admin|api|login|preview)/);
  });
});

describe("client addresses", () => {
  test("the audit log records the address nginx saw, never the client's own X-Forwarded-For", async () => {
    const csrf = await fetch(`${cluster.url}/api/auth/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const email = `forged-${Date.now().toString(36)}@example.test`;
    const res = await fetch(`${cluster.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "=cmd|'/c calc'!A1, 203.0.113.50" },
      body: new URLSearchParams({ csrfToken, email, password: "not-the-password-at-all", json: "true" }),
    });
    expect(res.status).toBeLessThan(500);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: email } }, select: { ip: true } });
    expect(["127.0.0.1", "::1"]).toContain(entry.ip);
  });
});

describe("jobs across instances", () => {
  test("the scheduler running on both instances publishes each due article exactly once", async () => {
    const { scheduleArticle } = await import("../../lib/data/articles/workflow");
    const actor = await editorActor();
    const stories = await Promise.all([1, 2, 3, 4].map(() => draft("scheduled")));
    const due = new Date(Date.now() + 600);
    for (const s of stories) await scheduleArticle(actor, s.id, due);
    await sleep(600);
    // A's in-server scheduler ticks every 500 ms; at the due moment both instances also run their scheduler through
    // the cron endpoint, three times each, all at once: two processes and several transactions race for the rows.
    await Promise.all(
      [0, 1, 0, 1, 0, 1].map((i) => fetch(`${instanceUrl(i)}/api/cron/publish-scheduled`, { method: "POST", headers: { authorization: `Bearer ${CRON_SECRET}` } }).then((r) => r.text())),
    );
    await within(3_000, "all published", async () => (await db.article.count({ where: { id: { in: stories.map((s) => s.id) }, status: "PUBLISHED" } })) === stories.length);
    await sleep(1_200); // two more ticks on each instance
    const audits = await db.auditLog.groupBy({ by: ["targetId"], where: { action: "article.publish_scheduled", targetId: { in: stories.map((s) => s.id) } }, _count: true });
    expect(audits.map((a) => a._count).sort()).toEqual([1, 1, 1, 1]);
  });

  test("an instance stopped (SIGTERM, as a deploy does) halfway through a 2,000-recipient newsletter: every subscriber has exactly one copy", async () => {
    const { queueEdition } = await import("../../lib/data/newsletters/queue");
    const { sectionList } = await import("../../lib/newsletters/lists");
    const RECIPIENTS = 2_000;
    const id = `${Date.now().toString(36)}${(unique++).toString(36)}`;
    const section = await db.section.create({ data: { name: `Newsletter ${id}`, slug: `newsletter-${id}`, position: 900 } });
    const emails = Array.from({ length: RECIPIENTS }, (_, i) => `stop-${i}-${id}@readers.test`);
    await db.subscriber.createMany({ data: emails.map((email) => ({ email, status: "CONFIRMED" as const })) });
    const subscribers = await db.subscriber.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
    await db.newsletterMembership.createMany({ data: subscribers.map((r) => ({ subscriberId: r.id, list: sectionList(section.id), kind: "SECTION" as const, sectionId: section.id })) });
    const story = await draft("newsletter");
    const { publishArticle } = await import("../../lib/data/articles/workflow");
    await publishArticle(await editorActor(), story.id);
    const edition = await db.edition.create({ data: { kind: "SECTION", sectionId: section.id, subject: `Section news ${id}`, items: [story.id], itemsEdited: true } });
    const ours = () => inbox.received.filter((m) => m.subject === edition.subject);

    // Instance A's scheduler (every 500 ms) works the queue; B's is off.
    expect(await queueEdition(edition.id)).toBe(RECIPIENTS);
    await within(60_000, "half the copies sent", async () => ours().length >= RECIPIENTS / 2);
    await cluster.instances[0]!.kill("SIGTERM");
    const atStop = ours().length;
    expect(atStop).toBeLessThan(RECIPIENTS);
    // Every copy the server accepted is recorded, and nothing is left claimed for the leases to free.
    const states = await db.newsletterSend.groupBy({ by: ["state"], where: { editionId: edition.id }, _count: { _all: true } });
    expect(Object.fromEntries(states.map((g) => [g.state, g._count._all]))).toEqual({ SENT: atStop, QUEUED: RECIPIENTS - atStop });

    await cluster.instances[0]!.start();
    await within(60_000, "every copy sent after the restart", async () => (await db.newsletterSend.count({ where: { editionId: edition.id, state: "SENT" } })) === RECIPIENTS);
    const copies = new Map<string, number>();
    for (const mail of ours()) for (const to of mail.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    expect(subscribers.filter((s) => copies.get(s.email) !== 1).map((s) => `${s.email}: ${copies.get(s.email) ?? 0}`)).toEqual([]);
    console.log(`newsletter: instance A stopped after ${atStop} of ${RECIPIENTS} copies; after its restart every subscriber has one`);
  }, 150_000);
});

describe("co-editing across instances", () => {
  test("/collab upgrades through nginx; writers on either collaboration server converge through Redis, and the article stores every word", async () => {
    const { openNodeEditor } = await import("../../scripts/lib/collab-client");
    const { documentName } = await import("../../lib/collab/content");
    const { bodyOf } = await import("../../lib/collab/document");
    const s = await draft("coedit");
    const cookie = await signIn(cluster.url);
    const name = documentName({ articleId: s.id, target: "live" });
    const writers = [
      { phrase: " Typed through nginx.", editor: openNodeEditor(`${cluster.url.replace(/^http/, "ws")}/collab`, name, cookie) },
      ...[0, 1].map((i) => ({ phrase: ` Typed on instance ${i + 1}.`, editor: openNodeEditor(`ws://127.0.0.1:${cluster.instances[i]!.collabPort}/collab`, name, cookie) })),
    ];
    try {
      await Promise.all(writers.map((w) => w.editor.ready));
      for (const { phrase, editor } of writers) {
        const text = (bodyOf(editor.doc).get(0) as XmlElement).get(0) as XmlText;
        text.insert(text.length, phrase);
      }
      const holdsAll = (text: string) => writers.every((w) => text.includes(w.phrase.trim()));
      await within(5_000, "every writer has every phrase", async () => writers.every((w) => holdsAll(bodyOf(w.editor.doc).toString())));
      for (const { editor } of writers) editor.provider.sendStateless(JSON.stringify({ type: "save", mode: "manual" }));
      await within(10_000, "the article stores every phrase", async () => holdsAll((await db.article.findUniqueOrThrow({ where: { id: s.id }, select: { bodyText: true } })).bodyText));
    } finally {
      for (const { editor } of writers) editor.destroy();
    }
  }, 60_000);
});

describe("failures", () => {
  test("killing one instance under load: 0 failed reader requests once it is dead", async () => {
    // Every request bypasses nginx's cache (it carries an Authorization header, never answered from the cache) so all
    // of them reach an instance. A response the killed
    // instance was in the middle of sending cannot be saved by anyone (nginx had passed its first bytes on); every
    // request that starts after the kill must succeed, nginx retrying the next instance until it marks B down.
    let stop = false;
    let ok = 0;
    let killedAt = Number.POSITIVE_INFINITY;
    const failures: string[] = [];
    const cutOff: string[] = [];
    const paths = ["/", "/news", "/feed.xml"];
    const worker = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const started = performance.now();
        try {
          const r = await fetch(`${cluster.url}${paths[n % paths.length]}`, { headers: { authorization: `Bearer load-${w}-${n}` } });
          await r.arrayBuffer();
          if (r.status === 200) ok++;
          else failures.push(`HTTP ${r.status}`);
        } catch (error) {
          (started < killedAt ? cutOff : failures).push(String(error));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
    try {
      await sleep(1_000);
      killedAt = performance.now();
      await cluster.instances[1]!.kill("SIGKILL");
      await sleep(3_000);
      stop = true;
      await load;
      if (cutOff.length) console.log(`in flight on the killed instance and cut off: ${cutOff.length}`);
      expect(failures).toEqual([]);
      expect(cutOff.length, "at most the requests in flight").toBeLessThanOrEqual(16);
      expect(ok).toBeGreaterThan(100);
    } finally {
      stop = true;
      await load;
      await cluster.instances[1]!.start();
    }
  }, 60_000);

  test("Redis restarted: the app keeps serving (from its local cache) and writes to Redis again after", async () => {
    const { publishArticle } = await import("../../lib/data/articles/workflow");
    const actor = await editorActor();
    const redis = new Redis(cluster.redisUrl, { enableOfflineQueue: false });
    redis.on("error", () => {}); // it loses Redis on purpose below
    try {
      await within(5_000, "test's redis client connected", async () => redis.status === "ready");
      expect(await redis.dbsize()).toBeGreaterThan(0);
      await cluster.redis.stop();
      // Down: both instances answer pages they hold, render new ones, and a publish still reaches readers.
      const s = await draft("redis-down");
      await publishArticle(actor, s.id);
      for (const i of [0, 1]) {
        for (const path of ["/", "/news", `${s.path}`, `/?while-down=${i}`]) {
          const r = await get(`${instanceUrl(i)}${path}`);
          expect(r.status, `${path} on instance ${i + 1}`).toBe(200);
        }
        expect((await get(`${instanceUrl(i)}/`)).body).toContain(s.headline);
      }
      await cluster.redis.start();
      await within(5_000, "test's redis client reconnected", async () => redis.status === "ready");
      // Recovered: the next render is shared through Redis again.
      const t = await draft("redis-back");
      await publishArticle(actor, t.id);
      await within(5_000, "entries written to Redis again", async () => {
        await get(`${instanceUrl(0)}${t.path}`);
        return (await redis.dbsize()) > 0;
      });
      expect((await get(`${cluster.url}${t.path}`)).body).toContain(t.headline);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
