/**
 * Bad requests get a 4xx with a message and change nothing: every route handler that takes a body or parameters,
 * and every server action of the build (enumerated from its server-reference manifest), with malformed JSON, wrong
 * content types, wrong types, oversized bodies and posts from another site. Request-level: no browser.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { testDb } from "../support/db";
import { createTestUser } from "../support/factories";
import { createArchivedStory } from "../support/admin-helpers";
import { createEditorArticle } from "../support/editor-factories";
import { makeImage } from "../support/media-files";
import { discoverRoutes, signInWithRequest } from "./request-helpers";

const REDIRECT_STATUSES = [302, 303, 307, 308];

type Manifest = { node: Record<string, { workers: Record<string, unknown>; exportedName?: string }> };

/** Every server action of the build, with a page URL it can be posted to (dynamic segments filled in). */
function buildActions(): { id: string; name: string; url: string }[] {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const route = worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[\.{0,3}[^\]]+\]/g, "not-a-real-id");
    return { id, name: entry.exportedName ?? id, url: route || "/" };
  });
}

async function expectRefusal(response: APIResponse, status: number, message: RegExp | string, label: string) {
  expect(response.status(), `${label}: ${await response.text()}`).toBe(status);
  const body = (await response.json()) as { ok: boolean; message: string };
  expect(body.ok, label).toBe(false);
  expect(body.message, label).toMatch(message);
}

async function auditCount(actorId: string) {
  return testDb().auditLog.count({ where: { actorId, NOT: { action: { startsWith: "auth." } } } });
}

test("every server action refuses other sites, oversized and unreadable bodies with a 4xx, and wrong types with a message", async ({ request }) => {
  test.slow();
  const actions = buildActions();
  expect(actions.length).toBeGreaterThan(30);
  const admin = await createTestUser("ADMIN");
  await signInWithRequest(request, admin);
  const origin = new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3100").origin;
  const before = await auditCount(admin.id);
  const post = (action: { id: string; url: string }, data: string | Buffer, headers: Record<string, string> = {}) =>
    request.post(action.url, { headers: { "next-action": action.id, origin, "content-type": "text/plain;charset=UTF-8", ...headers }, data: Buffer.from(data), maxRedirects: 0 });
  const tooLarge = Buffer.alloc(1024 * 1024 + 1, 0x20);

  for (const action of actions) {
    const label = `${action.name} at ${action.url}`;
    await expectRefusal(await post(action, "[]", { origin: "https://evil.example" }), 403, /another site/, `${label}, cross-origin`);
    await expectRefusal(await post(action, "[]", { origin: "null" }), 403, /another site/, `${label}, opaque origin`);
    await expectRefusal(await post(action, "[{bad json"), 400, /not valid JSON/, `${label}, malformed JSON`);
    await expectRefusal(await post(action, '{"id":1}'), 400, /must be a JSON array/, `${label}, not an array`);
    await expectRefusal(await post(action, '["$1", "$h2"]'), 400, /refers to a part that was not sent/, `${label}, dangling reference`);
    await expectRefusal(await post(action, "[1]", { "content-type": "application/json" }), 415, /text\/plain/, `${label}, wrong content type`);
    await expectRefusal(await post(action, "--zz\r\nbroken", { "content-type": "multipart/form-data; boundary=zz" }), 400, /multipart/, `${label}, broken form`);
    const dangling = '--zz\r\ncontent-disposition: form-data; name="0"\r\n\r\n["$1"]\r\n--zz--\r\n';
    await expectRefusal(await post(action, dangling, { "content-type": "multipart/form-data; boundary=zz" }), 400, /cannot be read/, `${label}, dangling multipart reference`);
    await expectRefusal(await post(action, tooLarge), 413, /too large/, `${label}, oversized`);
  }

  // Well-formed requests with arguments of the wrong types reach the action, which answers with a 4xx result.
  for (const action of actions.filter((a) => a.name !== "createArticleAction")) {
    for (const args of ["[123, 456, 789]", "[null, null, null]", '[{"userId":["x"]}, "text", {"a":[1]}]']) {
      const response = await post(action, args);
      const text = await response.text();
      const label = `${action.name} ${args}`;
      expect(response.status(), `${label}: ${text.slice(0, 300)}`).toBe(200);
      expect(text, label).not.toContain('E{"digest"');
      expect(text, label).toMatch(/"ok":false,"status":4\d\d,"message":"[^"]+"/);
    }
  }
  // Nothing was changed in the admin's name.
  expect(await auditCount(admin.id)).toBe(before);
  expect(await testDb().article.count({ where: { createdById: admin.id } })).toBe(0);
});

async function articleState(id: string) {
  return testDb().article.findUniqueOrThrow({ where: { id }, select: { version: true, headline: true, bodyText: true, updatedAt: true } });
}

test("the editor's save, uploads, sign-in, exports and feeds answer bad requests with a 4xx and change nothing", async ({ request }) => {
  const origin = new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3100").origin;
  const editor = await createTestUser("EDITOR");
  await signInWithRequest(request, editor);
  const article = await createEditorArticle(editor, { headline: "Before any bad request", paragraphs: ["Unchanged text."] });
  const before = await articleState(article.id);
  const url = `/api/articles/${article.id}`;
  // Buffers, so that Playwright sends the bytes as they are (it would encode a string as JSON for application/json).
  const put = (data: string | Buffer, contentType = "application/json") => request.put(url, { headers: { "content-type": contentType }, data: Buffer.from(data) });

  await test.step("PUT /api/articles/:id (autosave)", async () => {
    await expectRefusal(await put("{bad"), 400, "The request body is not valid JSON.", "malformed JSON");
    for (const body of ["[1,2]", "null", '"text"', "42"]) await expectRefusal(await put(body), 400, /must be a JSON object/, body);
    await expectRefusal(await put('{"headline":"x"}', "text/plain"), 415, /application\/json/, "text/plain");
    await expectRefusal(await put('{"headline":"x"}', "application/x-www-form-urlencoded"), 415, /application\/json/, "form");
    await expectRefusal(await put(JSON.stringify({ headline: 5, dek: [], body: "zz", baseVersion: "one" })), 400, /./, "wrong types");
    await expectRefusal(await put(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)), 413, /too large/, "oversized");
    const unknown = await request.put("/api/articles/not-a-real-id", { headers: { "content-type": "application/json" }, data: Buffer.from("{}") });
    expect(unknown.status()).toBeGreaterThanOrEqual(400);
    expect(unknown.status()).toBeLessThan(500);
    expect(await articleState(article.id)).toEqual(before);
  });

  await test.step("POST /api/media (upload)", async () => {
    const mediaBefore = await testDb().media.count({ where: { uploaderId: editor.id } });
    await expectRefusal(await request.post("/api/media", { headers: { "content-type": "application/json" }, data: Buffer.from("{}") }), 400, /not a form/, "JSON");
    await expectRefusal(await request.post("/api/media", { headers: { "content-type": "multipart/form-data; boundary=zz" }, data: "--zz\r\nbroken" }), 400, /not a form|incomplete/, "broken form");
    await expectRefusal(await request.post("/api/media", { multipart: { note: "no file here" } }), 400, /Choose an image/, "no file");
    await expectRefusal(
      await request.post("/api/media", { multipart: { file: { name: "notes.png", mimeType: "image/png", buffer: Buffer.from("plain text, not an image") } } }),
      415,
      /not an image/,
      "text as .png",
    );
    await expectRefusal(
      await request.post("/api/media", { multipart: { file: { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(20 * 1024 * 1024 + 70 * 1024) } } }),
      413,
      /./,
      "oversized",
    );
    // A page of a sibling site (same-site, another origin) or any other site cannot upload in the editor's name.
    const image = async () => ({ file: { name: "sibling.png", mimeType: "image/png", buffer: await makeImage("png", { seed: Date.now() % 100_000 }) } });
    const sibling = new URL(origin);
    sibling.hostname = `blog.${sibling.hostname}`;
    const foreign: Record<string, string>[] = [
      { origin: sibling.origin, "sec-fetch-site": "same-site" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "null", "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of foreign) {
      await expectRefusal(await request.post("/api/media", { headers, multipart: await image() }), 403, /must come from this site/, JSON.stringify(headers));
    }
    expect(await testDb().media.count({ where: { uploaderId: editor.id } })).toBe(mediaBefore);
    // From the site's own page, the same upload goes through.
    const own = await request.post("/api/media", { headers: { origin, "sec-fetch-site": "same-origin" }, multipart: await image() });
    expect(own.status(), await own.text()).toBe(201);
  });

  await test.step("next-auth endpoints", async () => {
    const auth = "/api/auth/callback/credentials";
    const raw = (text: string) => Buffer.from(text);
    await expectRefusal(await request.post(auth, { headers: { "content-type": "application/json" }, data: raw("{bad") }), 400, /not valid JSON/, "malformed JSON");
    await expectRefusal(await request.post(auth, { headers: { "content-type": "application/json" }, data: raw("[1]") }), 400, /JSON object/, "array");
    await expectRefusal(await request.post(auth, { headers: { "content-type": "text/plain" }, data: "email=x" }), 415, /urlencoded/, "text/plain");
    await expectRefusal(await request.post(auth, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `email=${"a".repeat(17 * 1024)}` }), 413, /too large/, "oversized");
    await expectRefusal(await request.post("/api/auth/signout", { headers: { "content-type": "application/json" }, data: raw("{") }), 400, /not valid JSON/, "sign-out");
    // Still signed in: none of that touched the session.
    expect(((await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email).toBe(editor.email);
  });

  await test.step("read-only handlers: wrong methods and parameters are 4xx", async () => {
    // Feeds and sitemaps only have GET. Next answers another method with 405 while nothing is cached, and with the
    // cached document once it is (a read: the body is never looked at). Either way, never a 5xx.
    for (const feed of ["/feed.xml", "/atom.xml", "/feed.json", "/news/feed.xml", "/sitemap.xml", "/news-sitemap.xml"]) {
      const response = await request.post(feed, { headers: { "content-type": "application/json" }, data: Buffer.from("{bad") });
      expect([200, 405], feed).toContain(response.status());
      if (response.status() === 200) expect(response.headers()["content-type"], feed).toMatch(/xml|json/);
    }
    // A refused method on a feed nothing has cached yet must not become the feed: Next stores whatever a cached
    // route handler answered, 405 included, and served it to every reader for an hour.
    const author = await createTestUser("JOURNALIST");
    const news = await testDb().section.findUniqueOrThrow({ where: { slug: "news" }, select: { id: true } });
    await createArchivedStory(news.id, author.id, "feed method");
    const { slug } = await testDb().user.findUniqueOrThrow({ where: { id: author.id }, select: { slug: true } });
    for (const file of ["feed.xml", "atom.xml", "feed.json"]) {
      const feed = `/author/${slug}/${file}`;
      expect((await request.post(feed, { data: Buffer.from("{}") })).status(), `POST ${feed}`).toBe(405);
      const response = await request.get(feed);
      expect(response.status(), `GET ${feed} after the POST`).toBe(200);
      expect(await response.text(), feed).toContain("Backfile memo");
    }
    for (const missing of ["/sitemaps/not-a-sitemap.xml", "/media/..%2F..%2Fetc%2Fpasswd", "/media/not-a-key.png", "/no-such-section/feed.xml"]) {
      const response = await request.get(missing);
      expect(response.status(), missing).toBe(404);
    }
    // The audit export is for admins; an editor's bad filter is still only a 403.
    expect((await request.get("/admin/audit/export?from=not-a-date")).status()).toBe(403);
    // The cron endpoint is off without CRON_SECRET.
    expect((await request.post("/api/cron/publish-scheduled", { data: "{bad" })).status()).toBe(404);
  });
});

test("the audit export answers a bad filter with a 400 and a message", async ({ request }) => {
  const admin = await createTestUser("ADMIN");
  await signInWithRequest(request, admin);
  for (const query of ["from=not-a-date", "to=2026-13-45", "from=2026-02-01&to=2026-01-01", `actor=${"a".repeat(400)}`]) {
    const response = await request.get(`/admin/audit/export?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.text()).trim().length, query).toBeGreaterThan(5);
  }
  expect((await request.get("/admin/audit/export")).status()).toBe(200);
});


/**
 * Each dynamic segment of every page and route handler under app/ (discovered, as in the route matrix), given a
 * malformed percent escape ("%ZZ", "%", "%E0%A4%A"), the other segments filled with something plausible: signed in,
 * a 400 or a 404; signed out, that or the sign-in redirect every staff URL gives. Never a 500.
 */
test("a malformed percent escape in any dynamic segment answers 400 or 404, never 500", async ({ playwright, baseURL }) => {
  const admin = await createTestUser("ADMIN");
  const signedIn = await playwright.request.newContext({ baseURL });
  await signInWithRequest(signedIn, admin);
  const signedOut = await playwright.request.newContext({ baseURL });
  const patterns = discoverRoutes().filter((route) => route.includes("["));
  expect(patterns).toEqual(expect.arrayContaining(["/[section]/[slug]", "/tag/[slug]", "/media/[...key]", "/preview/[token]", "/dashboard/articles/[id]"]));
  const filler = (segment: string) => (segment === "[section]" ? "news" : segment === "[n]" || segment === "[page]" ? "2" : "x");
  const problems: string[] = [];
  for (const pattern of patterns) {
    const segments = pattern.split("/");
    for (const [i, segment] of segments.entries()) {
      if (!segment.startsWith("[")) continue;
      for (const bad of ["%ZZ", "%", "%E0%A4%A"]) {
        const url = segments.map((s, j) => (j === i ? bad : s.startsWith("[") ? filler(s) : s)).join("/");
        const method = pattern === "/api/articles/[id]" ? "PUT" : "GET";
        for (const [who, context] of [["signed in", signedIn], ["signed out", signedOut]] as const) {
          const response = await context.fetch(url, { method, headers: { "content-type": "application/json" }, data: method === "PUT" ? Buffer.from("{}") : undefined, maxRedirects: 0 });
          const status = response.status();
          const toSignIn = REDIRECT_STATUSES.includes(status) && /\/login\?callbackUrl=/.test(response.headers()["location"] ?? "");
          const unauthenticatedApi = who === "signed out" && status === 401 && pattern.startsWith("/api/");
          if (!(status === 400 || status === 404 || (who === "signed out" && (toSignIn || unauthenticatedApi)))) problems.push(`${method} ${url} ${who}: ${status} ${response.headers()["location"] ?? ""}`);
        }
      }
    }
  }
  await Promise.all([signedIn.dispose(), signedOut.dispose()]);
  expect(problems).toEqual([]);
});

/**
 * Multipart server action bodies made by hand, as React's reply decoder reads them: parts referred to but never
 * sent (or sent after the part that needs them), unreadable JSON, a file where text belongs, an expansion past
 * React's array limit, a form action's bound arguments missing. Next answered each with a 500; they must be a 400
 * before any action runs, while a body shaped as React's client writes it still reaches the action.
 */
test("hand-made multipart action bodies the decoder cannot read are refused with a 400, well-formed ones run", async ({ request }) => {
  const action = buildActions().find((a) => a.name === "requestPasswordResetAction")!;
  const origin = new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3100").origin;
  const post = (fields: [string, string | { name: string; mimeType: string; buffer: Buffer }][], isFetch = true) => {
    const form = new FormData();
    for (const [key, value] of fields) {
      if (typeof value === "string") form.append(key, value);
      else form.append(key, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
    }
    return request.post(action.url, { headers: { origin, ...(isFetch ? { "next-action": action.id } : {}) }, multipart: form, maxRedirects: 0 });
  };
  const file = { name: "a.bin", mimeType: "application/octet-stream", buffer: Buffer.from("abc") };
  const bomb = `[${"0,".repeat(999)}0]`;
  const cases: [string, [string, string | typeof file][], boolean?][] = [
    ["a reference to a part never sent", [["0", '["$1"]']]],
    ["a reference to a part sent after the arguments", [["0", '["$1"]'], ["1", "{}"]]],
    ["no arguments part", [["x", "y"]]],
    ["a chain ending in a missing part", [["1", '["$2"]'], ["0", '["$1"]']]],
    ["a blob reference to text", [["1", "text"], ["0", '["$B1"]']]],
    ["a blob reference to nothing", [["0", '["$B1"]']]],
    ["a map of something that is not a list", [["1", '"x"'], ["0", '["$Q1"]']]],
    ["a path that is not there", [["1", "{}"], ["0", '["$1:a:b"]']]],
    ["unreadable JSON in a referenced part", [["1", "{"], ["0", '["$1"]']]],
    ["unreadable JSON in the arguments", [["0", "[{"]]],
    ["a reference the decoder does not know", [["0", '["$Z"]']]],
    ["a bad number", [["0", '["$nabc"]']]],
    ["a typed array from nothing", [["0", '["$A1"]']]],
    ["a function argument", [["1", '{"id":"nope","bound":null}'], ["0", '["$h1"]']]],
    ["the arguments as a file", [["0", file]]],
    ["arguments sent twice", [["0", "[]"], ["0", "[]"]]],
    ["a part named 00", [["00", "[]"], ["0", "[]"]]],
    ["an expansion past React's array limit", [["1", bomb], ["0", JSON.stringify(Array.from({ length: 1100 }, () => "$1"))]]],
    ["a form's bound arguments never sent", [["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${action.id}","bound":"$@1"}`]], false],
    ["a form's bound arguments that are not a list", [["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${action.id}","bound":"$@1"}`], ["$ACTION_1:1", "{"]], false],
    ["a form's action id overwritten", [["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${action.id}","id":5,"bound":null}`]], false],
  ];
  const answers: string[] = [];
  for (const [label, fields, isFetch] of cases) {
    const response = await post(fields, isFetch ?? true);
    const body = await response.text();
    answers.push(`${label}: ${response.status()} ${/cannot be read/.test(body) ? "with the reason" : body.slice(0, 80)}`);
  }
  expect(answers).toEqual(cases.map(([label]) => `${label}: 400 with the reason`));
  // As React's client writes it: the form's fields under "_1_", the arguments last, a Map's part referring back.
  const wellFormed = await post([
    ["1", '[["k","$0:0:a"]]'],
    ["_2_email", "not an email address"],
    ["0", '[{"ok":false,"a":{"x":1},"m":"$Q1","when":"$D2026-01-01T00:00:00.000Z","big":"$n12","u":"$undefined","s":"$$dollar"},"$K2"]'],
  ]);
  const text = await wellFormed.text();
  expect(wellFormed.status(), text).toBe(200);
  expect(text).toMatch(/"ok":false,"status":400,"message":"[^"]*email[^"]*"/i);
});
