/**
 * The Content API through the real server (next start): every published article of the seeded newsroom, as ninjs,
 * validates against IPTC's ninjs 3.1 schema, and nothing unpublished comes out; the HTTP manners survive the
 * server (ETag/304, CORS preflight, problem+json, RateLimit and 429 with Retry-After). Keys are made through the data
 * layer for this spec alone.
 */
import { expect, test } from "@playwright/test";
import { createApiKey, revokeApiKey } from "@/lib/data/api/keys";
import { publishArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { articles } from "@/prisma/seed-data";
import { openApiDocument } from "@/lib/api/openapi";
import { createSchemaAjv, describeErrors, NINJS_SCHEMA_ID, openApiValidators } from "../../tests/support/api-schemas";
import { sessionUserFor } from "../support/admin-helpers";
import { testDb } from "../support/db";
import { createDraft, editorActor } from "../support/articles";
import { createTestUser, uniqueId } from "../support/factories";

test.describe.configure({ timeout: 180_000 });

async function makeKey(rateLimit = 100_000) {
  const admin = await sessionUserFor(await createTestUser("ADMIN"));
  return (await createApiKey(admin, { name: `e2e ${uniqueId()}`, scopes: ["articles", "taxonomy", "search"], rateLimit })).key;
}

test("every published article, as ninjs, validates against IPTC's schema; nothing unpublished is listed or served", async ({ request, baseURL }) => {
  const key = await makeKey();
  const headers = { authorization: `Bearer ${key}` };
  const ajv = createSchemaAjv();
  const ninjs = ajv.getSchema(NINJS_SCHEMA_ID)!;
  const page = openApiValidators(ajv, openApiDocument(baseURL!))("ArticlePage");

  // Other specs publish and unpublish in parallel: what counts as unpublished is what was unpublished both before
  // and after the listing, and an answer is checked against the article's status as of that answer.
  const notPublished = async () =>
    testDb().article.findMany({ where: { NOT: { status: "PUBLISHED" } }, select: { id: true, slug: true, section: { select: { slug: true } } }, take: 200, orderBy: { createdAt: "asc" } });
  const unpublishedBefore = new Set((await notPublished()).map((a) => a.id));
  const listed: string[] = [];
  for (let next: string | null = "/api/v1/articles?limit=100"; next; ) {
    const response = await request.get(next, { headers });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: { id: string }[]; links: { next: string | null } };
    expect(page(body), describeErrors(page)).toBe(true);
    listed.push(...body.items.map((item) => item.id));
    next = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : null;
  }
  const seeded = await testDb().article.findMany({ where: { slug: { in: articles.map((a) => a.slug) } }, select: { id: true, status: true, publishedAt: true } });
  const seededPublished = seeded.filter((a) => a.status === "PUBLISHED" && a.publishedAt && a.publishedAt <= new Date());
  expect(seededPublished.length).toBeGreaterThan(5);
  expect(listed).toEqual(expect.arrayContaining(seededPublished.map((a) => a.id)));

  for (const { id } of seededPublished) {
    const response = await request.get(`/api/v1/articles/${id}`, { headers: { ...headers, accept: "application/ninjs+json" } });
    expect(response.headers()["content-type"]).toBe("application/ninjs+json; charset=utf-8");
    const item = await response.json();
    expect(ninjs(item), `${id}: ${describeErrors(ninjs)}`).toBe(true);
  }

  const unpublished = (await notPublished()).filter((a) => unpublishedBefore.has(a.id));
  expect(unpublished.length).toBeGreaterThan(0);
  expect(listed.filter((id) => unpublished.some((a) => a.id === id))).toEqual([]);
  /** 404, unless another spec published the article meanwhile (then its status says so). */
  const expectHidden = async (id: string, status: number) => {
    if (status === 404) return;
    const now = await testDb().article.findUnique({ where: { id }, select: { status: true } });
    expect(now?.status, `article ${id} answered ${status}`).toBe("PUBLISHED");
  };
  for (const article of unpublished.slice(0, 40)) {
    await expectHidden(article.id, (await request.get(`/api/v1/articles/${article.id}?format=ninjs`, { headers })).status());
    await expectHidden(article.id, (await request.get(`/api/v1/articles/${article.section.slug}/${article.slug}`, { headers })).status());
    expect((await request.get(`/api/v1/articles/${article.id}`)).status()).toBe(401);
  }
});

test("answers with ETag and 304, CORS, problem+json, RateLimit, and 429 with Retry-After", async ({ request }) => {
  const key = await makeKey(3);
  const headers = { authorization: `Bearer ${key}` };
  const first = await request.get("/api/v1/sections", { headers: { ...headers, origin: "https://app.example" } });
  expect(first.status()).toBe(200);
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  expect(first.headers()["ratelimit-policy"]).toBe('"key";q=3;w=60');
  const etag = first.headers()["etag"] as string;
  expect((await request.get("/api/v1/sections", { headers: { ...headers, "if-none-match": etag } })).status()).toBe(304);

  const bad = await request.get("/api/v1/sections?sort=name", { headers });
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
  expect((await bad.json()).errors[0].detail).toMatch(/Unknown parameter "sort"/);

  const limited = await request.get("/api/v1/sections", { headers });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);

  const preflight = await request.fetch("/api/v1/articles", { method: "OPTIONS", headers: { origin: "https://app.example", "access-control-request-method": "GET", "access-control-request-headers": "authorization" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-headers"]).toMatch(/Authorization/);

  const document = await request.get("/api/v1/openapi.json");
  expect((await document.json()).openapi).toBe("3.1.0");
});

test("a kept answer follows a publish and an unpublish at once, and a revoked key is refused by it", async ({ request }) => {
  const admin = await sessionUserFor(await createTestUser("ADMIN"));
  const made = await createApiKey(admin, { name: `e2e ${uniqueId()}`, scopes: ["articles"], rateLimit: 100_000 });
  const headers = { authorization: `Bearer ${made.key}` };
  const editor = await editorActor();
  const first = await createDraft({ authorRole: "EDITOR" });
  await publishArticle(editor, first.id);
  const list = `/api/v1/articles?section=${first.sectionSlug}&limit=100`;
  const ids = async () => ((await (await request.get(list, { headers })).json()) as { items: { id: string }[] }).items.map((item) => item.id);
  const one = (id: string) => request.get(`/api/v1/articles/${id}`, { headers });

  // Asked twice: the second answer is the kept one, with the same ETag and the key's limit counted.
  await expect.poll(ids).toContain(first.id);
  const kept = await one(first.id);
  const again = await one(first.id);
  expect(again.status()).toBe(200);
  expect(again.headers()["etag"]).toBe(kept.headers()["etag"]);
  expect(again.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Number(/r=(\d+)/.exec(again.headers()["ratelimit"] as string)?.[1])).toBeLessThan(Number(/r=(\d+)/.exec(kept.headers()["ratelimit"] as string)?.[1]));
  expect((await request.get(`/api/v1/articles/${first.id}`, { headers: { ...headers, "if-none-match": kept.headers()["etag"] as string } })).status()).toBe(304);

  const second = await createDraft({ authorRole: "EDITOR", sectionSlug: first.sectionSlug });
  await publishArticle(editor, second.id);
  await expect.poll(ids).toContain(second.id);
  await unpublishArticle(editor, first.id);
  await expect.poll(async () => (await one(first.id)).status()).toBe(404);
  await expect.poll(ids).not.toContain(first.id);

  await revokeApiKey(admin, made.id);
  await expect.poll(async () => (await one(second.id)).status()).toBe(401);
});
