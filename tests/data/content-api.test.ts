/**
 * The Content API (/api/v1) end to end below HTTP: the route handlers called with real Requests against the real
 * PostgreSQL. Only published articles ever come out, with or without a key; ninjs validates against IPTC's schema;
 * every response matches the OpenAPI document; keys are refused once revoked and limited per minute; bad
 * parameters (the hostile-input corpus among them) are a 400 problem+json, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { getArticle, getArticleByPath, listArticles, listAuthorsEndpoint, listSectionsEndpoint, listTagsEndpoint, searchEndpoint } from "@/lib/api/endpoints";
import { openApiDocument } from "@/lib/api/openapi";
import { createApiKey, revokeApiKey } from "@/lib/data/api/keys";
import { RENDER_MARGIN_MS, sharedTagExpiry } from "@/cache-handlers/tag-expiry.cjs";
import { expirePublicTags } from "@/lib/data/cache";
import { addRateLimitHits, pruneRateLimitWindows } from "@/lib/data/rate-limits";
import { createWindowCounter } from "@/lib/traffic/window-counter";
import { updateApiSettings } from "@/lib/data/settings";
import { HOSTILE_INPUTS } from "../../e2e/security/hostile-inputs";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { frontApi } from "@/lib/api/front";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createSchemaAjv, describeErrors, NINJS_SCHEMA_ID, NINJS_SCHEMA_PATH, openApiValidators } from "../support/api-schemas";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

type Endpoint = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const SITE = "http://localhost:3000";

async function call(endpoint: unknown, path: string, options: { key?: string | null; params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  return (endpoint as Endpoint)(new Request(`${SITE}${path}`, { headers }), { params: Promise.resolve(options.params ?? {}) });
}

const ajv = createSchemaAjv();
const ninjs = ajv.getSchema(NINJS_SCHEMA_ID);
const schema = openApiValidators(ajv, openApiDocument(SITE));

function expectSchema(name: string, body: unknown) {
  const validate = schema(name);
  expect(validate(body), `${name}: ${describeErrors(validate)}`).toBe(true);
}

let key: string;
let admin: Awaited<ReturnType<typeof makeUser>>;
const word = `zyzzyva${uid()}`;
let published: Awaited<ReturnType<typeof makeArticle>>[];
let hidden: Awaited<ReturnType<typeof makeArticle>>[];
let sectionSlug: string;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  const author = await makeUser("JOURNALIST");
  await rawDb().user.update({ where: { id: author.id }, data: { status: "ACTIVE" } });
  const section = await makeSection();
  sectionSlug = section.slug;
  const tag = await rawDb().tag.create({ data: { name: `Tag ${word}`, slug: `tag-${word}` } });
  const at = new Date(Date.now() - 3_600_000);
  published = [];
  for (let i = 0; i < 5; i++) published.push(await makeArticle(author, { status: "PUBLISHED", sectionId: section.id, headline: `Published ${word} ${i}`, publishedAt: i < 3 ? at : new Date(at.getTime() - i * 1000) }));
  hidden = [
    await makeArticle(author, { status: "DRAFT", sectionId: section.id, headline: `Draft ${word}` }),
    await makeArticle(author, { status: "IN_REVIEW", sectionId: section.id, headline: `Review ${word}` }),
    await makeArticle(author, { status: "SCHEDULED", sectionId: section.id, headline: `Scheduled ${word}`, publishedAt: null }),
    await makeArticle(author, { status: "ARCHIVED", sectionId: section.id, headline: `Archived ${word}`, publishedAt: at }),
    await makeArticle(author, { status: "CHANGES_REQUESTED", sectionId: section.id, headline: `Sent back ${word}` }),
    // Published, but its time has not come: not on the site yet, so not in the API.
    await makeArticle(author, { status: "PUBLISHED", sectionId: section.id, headline: `Future ${word}`, publishedAt: new Date(Date.now() + 3_600_000) }),
  ];
  // One article has a featured image with renditions: ninjs carries it as an association.
  const folder = `${randomBytes(16).toString("hex")}-1600x900`;
  const image = await rawDb().media.create({
    data: {
      uploaderId: author.id,
      hash: randomBytes(32).toString("hex"),
      storageKey: `media/${folder}/master.jpg`,
      filename: "river.jpg",
      mimeType: "image/jpeg",
      bytes: 1000,
      width: 1600,
      height: 900,
      alt: "The river at dawn",
      caption: "The Santa Catarina at dawn",
      credit: "Staff photographer",
      variants: [
        { kind: "responsive", format: "webp", width: 640, height: 360, key: `${folder}/w640.webp`, bytes: 100 },
        { kind: "og", format: "jpeg", width: 1200, height: 630, key: `${folder}/og-${"a".repeat(16)}.jpg`, bytes: 100 },
      ],
    },
  });
  await rawDb().article.update({ where: { id: published[1]!.id }, data: { featuredImageId: image.id } });
  for (const article of [...published, ...hidden]) await rawDb().articleTag.create({ data: { articleId: article.id, tagId: tag.id, position: 0 } });
  ({ key } = await createApiKey(admin, { name: "Test app", scopes: ["articles", "taxonomy", "search"], rateLimit: 10_000 }));
});

afterAll(async () => {
  await updateApiSettings(admin, { apiAnonymousAccess: false, apiRightsInfo: "", websubHubUrl: "" });
});

async function allArticleIds(path: string, options: { key?: string | null }) {
  const ids: string[] = [];
  let next: string | null = path;
  while (next) {
    const response = await call(listArticles, next, options);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id?: string; altIds?: { value: string }[] }[]; next: string | null; links: { next: string | null } };
    ids.push(...body.items.map((item) => item.id ?? item.altIds?.[0]?.value ?? ""));
    next = body.links.next ? body.links.next.slice(SITE.length) : null;
  }
  return ids;
}

describe("published only", () => {
  for (const anonymous of [false, true]) {
    it(`never returns a draft, review, scheduled, sent-back, archived or future article ${anonymous ? "without a key (anonymous on)" : "with a key"}`, async () => {
      await updateApiSettings(admin, { apiAnonymousAccess: anonymous, apiRightsInfo: "", websubHubUrl: "" });
      const options = { key: anonymous ? null : key };
      const hiddenIds = new Set(hidden.map((a) => a.id));
      for (const path of [`/api/v1/articles?section=${sectionSlug}&limit=2`, `/api/v1/articles?tag=tag-${word}&limit=3&format=ninjs`, "/api/v1/articles?limit=100"]) {
        const ids = await allArticleIds(path, options);
        expect(ids.filter((id) => hiddenIds.has(id))).toEqual([]);
        if (!path.endsWith("=100")) expect(new Set(ids)).toEqual(new Set(published.map((a) => a.id)));
      }
      for (const article of hidden) {
        for (const format of ["json", "ninjs"]) {
          expect((await call(getArticle, `/api/v1/articles/${article.id}?format=${format}`, { ...options, params: { ref: article.id } })).status).toBe(404);
          const byPath = await call(getArticleByPath, `/api/v1/articles/${sectionSlug}/${article.slug}`, { ...options, params: { ref: sectionSlug, slug: article.slug } });
          expect(byPath.status).toBe(404);
          expectSchema("Problem", await byPath.json());
        }
      }
      const search = await call(searchEndpoint, `/api/v1/search?q=${word}`, options);
      const found = (await search.json()) as { items: { id: string }[] };
      expect(found.items.map((i) => i.id).sort()).toEqual(published.map((a) => a.id).sort());
    });
  }

  it("refuses every endpoint without a key while anonymous access is off", async () => {
    await updateApiSettings(admin, { apiAnonymousAccess: false, apiRightsInfo: "", websubHubUrl: "" });
    for (const endpoint of [listArticles, listSectionsEndpoint, listTagsEndpoint, listAuthorsEndpoint, searchEndpoint]) {
      const response = await call(endpoint, "/api/v1/articles?q=x");
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});

describe("formats and the OpenAPI document", () => {
  it("answers ninjs that IPTC's schema accepts, by ?format and by Accept", async () => {
    await rawDb().article.update({ where: { id: published[0]!.id }, data: { revisedAt: new Date() } });
    for (const article of published) {
      for (const how of [{ path: "?format=ninjs", headers: {} as Record<string, string> }, { path: "", headers: { accept: "application/ninjs+json" } }]) {
        const response = await call(getArticle, `/api/v1/articles/${article.id}${how.path}`, { key, params: { ref: article.id }, headers: how.headers });
        expect(response.headers.get("content-type")).toBe("application/ninjs+json; charset=utf-8");
        const body = await response.json();
        expect(ninjs!(body), describeErrors(ninjs!)).toBe(true);
        expect(body).toMatchObject({ uri: `${SITE}/${sectionSlug}/${article.slug}`, type: "text", pubStatus: "usable", headlines: [{ value: article.headline }] });
        if (article.id === published[1]!.id) {
          expect(body.associations[0]).toMatchObject({ name: "featureimage", type: "picture", uri: expect.stringContaining("/master.jpg") });
          expect(body.associations[0].renditions).toHaveLength(3);
        }
        expect(body.bodies.map((b: { contentType: string }) => b.contentType)).toEqual(["text/html", "text/plain"]);
      }
    }
    const list = await (await call(listArticles, `/api/v1/articles?section=${sectionSlug}&format=ninjs`, { key })).json();
    for (const item of list.items) expect(ninjs!(item), describeErrors(ninjs!)).toBe(true);
  });

  it("matches the OpenAPI document, which the OpenAPI 3.1 schema accepts", async () => {
    const validator = new Validator();
    await validator.addSpecRef(JSON.parse(readFileSync(path.join(path.dirname(NINJS_SCHEMA_PATH), "GeoJSON.json"), "utf8")), "https://geojson.org/schema/GeoJSON.json");
    await validator.addSpecRef(JSON.parse(readFileSync(NINJS_SCHEMA_PATH, "utf8")), NINJS_SCHEMA_ID);
    const result = await validator.validate(openApiDocument(SITE));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    const article = published[0]!;
    expectSchema("ArticlePage", await (await call(listArticles, `/api/v1/articles?section=${sectionSlug}`, { key })).json());
    expectSchema("Article", await (await call(getArticle, `/api/v1/articles/${article.id}`, { key, params: { ref: article.id } })).json());
    expectSchema("Article", await (await call(getArticleByPath, "/", { key, params: { ref: sectionSlug, slug: article.slug } })).json());
    expectSchema("SectionList", await (await call(listSectionsEndpoint, "/api/v1/sections", { key })).json());
    expectSchema("TagPage", await (await call(listTagsEndpoint, "/api/v1/tags?limit=1", { key })).json());
    expectSchema("AuthorPage", await (await call(listAuthorsEndpoint, "/api/v1/authors", { key })).json());
    expectSchema("SearchResults", await (await call(searchEndpoint, `/api/v1/search?q=${word}`, { key })).json());
    expectSchema("Problem", await (await call(listArticles, "/api/v1/articles?limit=0", { key })).json());
  });

  it("pages in a stable order, answers 304 to a matching If-None-Match, and allows any origin to read", async () => {
    const ids = await allArticleIds(`/api/v1/articles?section=${sectionSlug}&limit=1`, { key });
    expect(ids).toEqual([...published].sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || (a.id < b.id ? 1 : -1)).map((a) => a.id));
    const first = await call(listSectionsEndpoint, "/api/v1/sections", { key });
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const etag = first.headers.get("etag") as string;
    const again = await call(listSectionsEndpoint, "/api/v1/sections", { key, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("keys and limits", () => {
  it("refuses a revoked key on its next request", async () => {
    const made = await createApiKey(admin, { name: "Revoked soon", scopes: ["taxonomy"], rateLimit: 100 });
    expect((await call(listSectionsEndpoint, "/api/v1/sections", { key: made.key })).status).toBe(200);
    expect((await rawDb().apiKey.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt).not.toBeNull();
    expect((await call(listArticles, "/api/v1/articles", { key: made.key })).status).toBe(403);
    await revokeApiKey(admin, made.id);
    const refused = await call(listSectionsEndpoint, "/api/v1/sections", { key: made.key });
    expect(refused.status).toBe(401);
    expect((await refused.json()).detail).toMatch(/revoked/);
  });

  it("answers 429 with Retry-After and RateLimit headers past the key's limit", async () => {
    const made = await createApiKey(admin, { name: "Small", scopes: ["taxonomy"], rateLimit: 2 });
    const first = await call(listSectionsEndpoint, "/api/v1/sections", { key: made.key });
    expect(first.headers.get("ratelimit-policy")).toBe('"key";q=2;w=60');
    expect(first.headers.get("ratelimit")).toMatch(/^"key";r=1;t=\d+$/);
    await call(listSectionsEndpoint, "/api/v1/sections", { key: made.key });
    const refused = await call(listSectionsEndpoint, "/api/v1/sections", { key: made.key });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit")).toMatch(/^"key";r=0;t=\d+$/);
  });
});

describe("bad parameters", () => {
  async function expectBadRequest(endpoint: unknown, path: string, params: Record<string, string> = {}) {
    const response = await call(endpoint, path, { key, params });
    expect(response.status, path).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.json();
    expectSchema("Problem", body);
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) expect(error.detail.length).toBeGreaterThan(10);
    return body;
  }

  it("names an unknown filter, a repeated one, a bad cursor and a huge limit", async () => {
    expect((await expectBadRequest(listArticles, "/api/v1/articles?sectoin=news")).errors[0].detail).toMatch(/Unknown parameter "sectoin"/);
    expect((await expectBadRequest(listArticles, "/api/v1/articles?tag=a&tag=b")).errors[0].detail).toBe("Give tag once.");
    expect((await expectBadRequest(listArticles, "/api/v1/articles?cursor=not-ours")).errors[0].parameter).toBe("cursor");
    const forged = Buffer.from(JSON.stringify({ p: "yesterday", i: "x" })).toString("base64url");
    expect((await expectBadRequest(listArticles, `/api/v1/articles?cursor=${forged}`)).errors[0].parameter).toBe("cursor");
    expect((await expectBadRequest(listArticles, "/api/v1/articles?limit=100000000")).errors[0].detail).toMatch(/from 1 to 100/);
    expect((await expectBadRequest(listArticles, "/api/v1/articles?updated_since=last-week")).errors[0].parameter).toBe("updated_since");
    expect((await expectBadRequest(listTagsEndpoint, "/api/v1/tags?cursor=%7B%7D")).errors[0].parameter).toBe("cursor");
    expect((await expectBadRequest(searchEndpoint, "/api/v1/search")).errors[0].parameter).toBe("q");
  });

  it("gives every hostile input, as a value and as a name, a 400 or a 200 and never a 500", async () => {
    for (const input of HOSTILE_INPUTS) {
      // Through UTF-8 and back: a lone surrogate (which no URL can carry) becomes U+FFFD, as a client's encoder makes it.
      const value = encodeURIComponent(Buffer.from(input.value.slice(0, 4096)).toString("utf8"));
      for (const name of ["language", "section", "tag", "author", "updated_since", "cursor", "limit", "format"]) {
        await expectBadRequest(listArticles, `/api/v1/articles?${name}=${value}`);
      }
      await expectBadRequest(listArticles, `/api/v1/articles?${value}=1`);
      const search = await call(searchEndpoint, `/api/v1/search?q=${value}`, { key });
      expect([200, 400], input.name).toContain(search.status);
      const one = await call(getArticle, "/", { key, params: { ref: input.value } });
      expect(one.status, input.name).toBe(404);
    }
  });
});

describe("the shared windows", () => {
  it("counts per window, exactly for one instance, and forgets windows that ended long ago", async () => {
    const bucket = `test:${uid()}`;
    // Windows of this minute: addRateLimitHits now and then prunes windows older than an hour by the real clock,
    // which would delete a row of a fixed date in the past between two of the steps below.
    const start = Math.floor(Date.now() / 60_000) * 60_000;
    const counter = createWindowCounter({ windowMs: 60_000, flushMs: 60_000, add: addRateLimitHits });
    expect(await counter.take(bucket, 2, start + 1000)).toMatchObject({ allowed: true, remaining: 1, resetMs: 59_000 });
    expect(await counter.take(bucket, 2, start + 2000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await counter.take(bucket, 2, start + 3000)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await counter.take(bucket, 2, start + 61_000)).toMatchObject({ allowed: true, remaining: 1 });
    // A late batch for the window that ended changes nothing.
    expect((await addRateLimitHits([{ bucket, windowStart: new Date(start), count: 5 }])).get(bucket)).toBeUndefined();
    expect(await rawDb().rateLimitWindow.findUnique({ where: { bucket } })).toMatchObject({ count: 1 });
    await pruneRateLimitWindows(start + 2 * 3_600_000);
    expect(await rawDb().rateLimitWindow.findUnique({ where: { bucket } })).toBeNull();
  });

  it("adds what one instance counted in memory to the count every instance reads", async () => {
    const bucket = `test:${uid()}`;
    const now = Date.now();
    const [a, b] = [0, 1].map(() => createWindowCounter({ windowMs: 60_000, flushMs: 60_000, add: addRateLimitHits }));
    for (let i = 0; i < 50; i++) expect((await a!.take(bucket, 100, now)).allowed).toBe(true);
    expect(await rawDb().rateLimitWindow.findUnique({ where: { bucket } })).toMatchObject({ count: 1 });
    await a!.flush();
    expect(await rawDb().rateLimitWindow.findUnique({ where: { bucket } })).toMatchObject({ count: 50 });
    expect(await b!.take(bucket, 100, now)).toMatchObject({ allowed: true, remaining: 49 });
  });
});

describe("keys known in memory", () => {
  beforeAll(async () => {
    expect(await sharedTagExpiry().connectListener()).toBe(true);
  });

  it("refuses a key revoked here on its next request, and one revoked by another instance once its NOTIFY arrives", async () => {
    const here = await createApiKey(admin, { name: "Known here", scopes: ["taxonomy"], rateLimit: 100 });
    for (let i = 0; i < 2; i++) expect((await call(listSectionsEndpoint, "/api/v1/sections", { key: here.key })).status).toBe(200);
    await revokeApiKey(admin, here.id);
    expect((await call(listSectionsEndpoint, "/api/v1/sections", { key: here.key })).status).toBe(401);

    const there = await createApiKey(admin, { name: "Known here, revoked there", scopes: ["taxonomy"], rateLimit: 100 });
    expect((await call(listSectionsEndpoint, "/api/v1/sections", { key: there.key })).status).toBe(200);
    // Another instance's revocation: the same transaction, without this process noting it.
    await rawDb().$transaction(async (tx) => {
      await tx.apiKey.update({ where: { id: there.id }, data: { revokedAt: new Date() } });
      await expirePublicTags(tx, ["api-keys"]);
    });
    const until = Date.now() + 2000;
    let status = 200;
    while (status === 200 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await call(listSectionsEndpoint, "/api/v1/sections", { key: there.key })).status;
    }
    expect(status).toBe(401);
  });

  it("answers a kept answer before Next, through the same access checks, and sends everything else on", async () => {
    const made = await createApiKey(admin, { name: "Front", scopes: ["articles"], rateLimit: 100 });
    // Earlier tests here change the site (its "site" tag): an answer whose reads began within the render margin of a
    // change to its tags is not trusted as fresh (cache-handlers/tag-expiry.cjs), so this one is made after it.
    await new Promise((resolve) => setTimeout(resolve, RENDER_MARGIN_MS + 100));
    const taxonomy = await createApiKey(admin, { name: "Front taxonomy", scopes: ["taxonomy"], rateLimit: 100 });
    expect((await call(listSectionsEndpoint, "/api/v1/sections", { key: taxonomy.key })).status).toBe(200);
    const path = `/api/v1/articles?section=${sectionSlug}`;
    const kept = await call(listArticles, path, { key: made.key });
    const keptText = await kept.text();
    expect(keptText.length).toBeGreaterThan(1024);
    const server = createServer((_request, response) => response.writeHead(599).end("next"));
    frontApi(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const authorization = `Bearer ${made.key}`;
    try {
      const fronted = await fetch(`${base}${path}`, { headers: { authorization, "accept-encoding": "gzip" } });
      expect(fronted.status).toBe(200);
      expect(fronted.headers.get("content-encoding")).toBe("gzip");
      expect(fronted.headers.get("vary")).toBe("Accept, Authorization, Accept-Encoding");
      expect(await fronted.text()).toBe(keptText);
      expect(fronted.headers.get("etag")).toBe(kept.headers.get("etag"));
      expect(fronted.headers.get("ratelimit")).toMatch(/^"key";r=98;t=\d+$/);
      expect(fronted.headers.get("x-content-type-options")).toBe("nosniff");
      const plain = await fetch(`${base}${path}`, { headers: { authorization, "accept-encoding": "identity" } });
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(await plain.text()).toBe(keptText);
      expect((await fetch(`${base}${path}`, { headers: { authorization, "if-none-match": kept.headers.get("etag")! } })).status).toBe(304);
      const anonymous = await fetch(`${base}${path}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
      // The sections, kept above, need a scope this key lacks; the tags were never asked for.
      expect((await fetch(`${base}/api/v1/sections`, { headers: { authorization } })).status).toBe(403);
      expect((await fetch(`${base}/api/v1/tags`, { headers: { authorization } })).status).toBe(599);
      expect((await fetch(`${base}${path}&sort=name`, { headers: { authorization } })).status).toBe(599);
      expect((await fetch(`${base}${path}`, { method: "HEAD", headers: { authorization } })).status).toBe(599);
    } finally {
      server.close();
    }
  });
});
