/**
 * An edition closed to readers (decision 0033) stays closed everywhere: the Content API neither lists nor serves its
 * articles (nor names them as translations, nor counts them for tags and authors) and refuses `?language=` for it;
 * webhooks and WebSub announce nothing of it; its newsletters are not prepared or sent. Opened again, all of it is
 * back. Works on an edition of its own in a private-use language code (qad), removed afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getArticle, getArticleByPath, listArticles, listAuthorsEndpoint, listTagsEndpoint, searchEndpoint } from "@/lib/api/endpoints";
import { encodeSlugCursor } from "@/lib/api/cursor";
import { getApiArticleById, listApiArticles } from "@/lib/data/api/content";
import { createApiKey } from "@/lib/data/api/keys";
import { setEditionPublic } from "@/lib/data/editions-staff";
import { sendBreakingAlert, sendEditionNow } from "@/lib/data/newsletters/editions";
import { ensureUpcomingDigest, queueEdition } from "@/lib/data/newsletters/queue";
import { updateApiSettings } from "@/lib/data/settings";
import { enqueueArticleEvent } from "@/lib/data/webhooks/queue";
import { EVENT } from "@/lib/validation/api";
import { makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSearchableArticle } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

type Endpoint = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const SITE = "http://localhost:3000";
const CODE = "qad";

let key: string;
let admin: Awaited<ReturnType<typeof makeUser>>;
let section: { id: string; slug: string };
let english: { id: string; slug: string };
let closed: { id: string; slug: string };
let closedAuthor: { slug: string | null };
let tagSlug: string;
let endpointId: string;

async function call(endpoint: unknown, path: string, params: Record<string, string> = {}) {
  const response = await (endpoint as Endpoint)(new Request(`${SITE}${path}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve(params) });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

/** Whether a taxonomy list (every edition's) names `slug`: its page starting just before it. */
async function listed(endpoint: unknown, path: string, slug: string): Promise<boolean> {
  const page = await call(endpoint, `/api/v1/${path}?limit=1&cursor=${encodeSlugCursor(slug.slice(0, -1))}`);
  return page.body.items.some((item: { slug: string }) => item.slug === slug);
}

const setOpen = (isOpen: boolean) => setEditionPublic(admin, CODE, isOpen);

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  const author = await makeUser("JOURNALIST");
  const closedWriter = await makeUser("JOURNALIST");
  closedAuthor = closedWriter;
  await rawDb().languageEdition.create({ data: { id: CODE, name: "Closed test", locale: "en-GB", searchConfig: "simple", position: 9, isPublic: true } });
  section = await makeSection();
  english = await makeSearchableArticle(author, { sectionId: section.id });
  closed = await makeSearchableArticle(closedWriter, { sectionId: section.id, edition: { id: CODE, searchConfig: "simple" } });
  await rawDb().article.updateMany({ where: { id: { in: [english.id, closed.id] } }, data: { translationGroupId: english.id } });
  const tag = await rawDb().tag.create({ data: { name: `Closed ${uid()}`, slug: `closed-${uid()}` } });
  tagSlug = tag.slug;
  await rawDb().articleTag.create({ data: { articleId: closed.id, tagId: tag.id, position: 0 } });
  ({ key } = await createApiKey(admin, { name: `Closed ${uid()}`, scopes: ["articles", "taxonomy", "search"], rateLimit: 10_000 }));
  endpointId = (await rawDb().webhookEndpoint.create({ data: { url: "http://127.0.0.1:9/hook", events: [EVENT.published], secret: `whsec_${uid()}` } })).id;
});

afterAll(async () => {
  const db = rawDb();
  await db.webhookDelivery.deleteMany({ where: { articleId: { in: [english.id, closed.id] } } });
  await db.webhookEndpoint.deleteMany({ where: { id: endpointId } });
  await db.edition.deleteMany({ where: { language: CODE } });
  await db.article.deleteMany({ where: { editionId: CODE } });
  await db.languageEdition.deleteMany({ where: { id: CODE } });
});

describe("the Content API", () => {
  it("lists, serves and links a closed edition's articles only while it is open; ?language= for it is the 400 that lists the editions", async () => {
    const seen = async () => ({
      list: (await call(listArticles, `/api/v1/articles?section=${section.slug}`)).body.items.map((i: { id: string }) => i.id).sort(),
      byId: (await call(getArticle, `/api/v1/articles/${closed.id}`, { ref: closed.id })).status,
      byPath: (await call(getArticleByPath, `/api/v1/articles/${section.slug}/${closed.slug}`, { ref: section.slug, slug: closed.slug })).status,
      translations: (await call(getArticle, `/api/v1/articles/${english.id}`, { ref: english.id })).body.translations.map((t: { language: string }) => t.language),
      tag: await listed(listTagsEndpoint, "tags", tagSlug),
      author: await listed(listAuthorsEndpoint, "authors", closedAuthor.slug!),
      language: (await call(listArticles, `/api/v1/articles?language=${CODE}`)).status,
      search: (await call(searchEndpoint, `/api/v1/search?q=filler&language=${CODE}`)).status,
    });
    expect(await seen()).toEqual({ list: [english.id, closed.id].sort(), byId: 200, byPath: 200, translations: [CODE], tag: true, author: true, language: 200, search: 200 });

    await setOpen(false);
    const shut = await seen();
    // The tag and the author known only from the closed edition's story are not listed either.
    expect(shut).toEqual({ list: [english.id], byId: 404, byPath: 404, translations: [], tag: false, author: false, language: 400, search: 400 });
    const problem = await call(listArticles, `/api/v1/articles?language=${CODE}`);
    expect(problem.type).toContain("application/problem+json");
    expect(JSON.stringify(problem.body)).toContain("This site publishes in: en (");
    expect(JSON.stringify(problem.body)).not.toContain(`${CODE} (`);
    expect((await call(listTagsEndpoint, `/api/v1/tags?language=${CODE}`)).status).toBe(400);
    expect((await call(listAuthorsEndpoint, `/api/v1/authors?language=${CODE}`)).status).toBe(400);

    await setOpen(true);
    expect(await seen()).toMatchObject({ list: [english.id, closed.id].sort(), byId: 200, byPath: 200, translations: [CODE], tag: true, author: true });
  });

  it("keeps its answers under the \"site\" tag, which opening and closing an edition expires", async () => {
    const since = new Date(Date.now() - 1000);
    expect(getApiArticleById.cacheTags(closed.id)).toContain("site");
    expect(listApiArticles.cacheTags({}, null, 20)).toContain("site");
    await setOpen(false);
    await setOpen(true);
    const expired = await rawDb().cacheTag.findMany({ where: { tag: "site", expiredAt: { gte: since } } });
    expect(expired).toHaveLength(1);
  });
});

describe("webhooks and WebSub", () => {
  it("announce nothing of a closed edition's article, and announce it again once the edition is open", async () => {
    await updateApiSettings(admin, { apiAnonymousAccess: false, apiRightsInfo: "", websubHubUrl: "http://127.0.0.1:9/hub" });
    try {
      const enqueue = () => rawDb().$transaction((tx) => enqueueArticleEvent(tx, EVENT.published, closed.id));
      await setOpen(false);
      expect(await enqueue()).toBe(0);
      expect(await rawDb().webhookDelivery.count({ where: { articleId: closed.id } })).toBe(0);
      await setOpen(true);
      expect(await enqueue()).toBeGreaterThanOrEqual(2);
      expect(await rawDb().webhookDelivery.findMany({ where: { articleId: closed.id }, select: { kind: true } })).toEqual(
        expect.arrayContaining([{ kind: "WEBHOOK" }, { kind: "WEBSUB" }]),
      );
    } finally {
      await rawDb().webhookDelivery.deleteMany({ where: { articleId: closed.id } });
      await updateApiSettings(admin, { apiAnonymousAccess: false, apiRightsInfo: "", websubHubUrl: "" });
    }
  });
});

describe("newsletters", () => {
  it("prepare no digest for a closed edition, cancel a due one, and send neither alerts nor staff's editions until it opens", async () => {
    const editor = await makeUser("EDITOR");
    await setOpen(false);
    await ensureUpcomingDigest();
    expect(await rawDb().edition.count({ where: { language: CODE } })).toBe(0);

    const digest = await rawDb().edition.create({ data: { kind: "DIGEST", language: CODE, subject: "d", status: "SCHEDULED", scheduledFor: new Date() } });
    expect(await queueEdition(digest.id)).toBeNull();
    expect(await rawDb().edition.findUniqueOrThrow({ where: { id: digest.id } })).toMatchObject({ status: "CANCELLED" });

    await expect(sendBreakingAlert(editor, closed.id)).rejects.toMatchObject({ message: expect.stringMatching(/closed to readers/) });
    const written = await rawDb().edition.create({ data: { kind: "BREAKING", language: CODE, subject: "b", items: [closed.id], status: "DRAFT" } });
    await expect(sendEditionNow(editor, written.id)).rejects.toMatchObject({ message: expect.stringMatching(/closed to readers/) });
    expect(await queueEdition(written.id)).toBeNull();
    expect(await rawDb().edition.findUniqueOrThrow({ where: { id: written.id } })).toMatchObject({ status: "DRAFT" });

    await setOpen(true);
    await ensureUpcomingDigest();
    expect(await rawDb().edition.count({ where: { language: CODE, dayKey: { startsWith: `DIGEST:${CODE}:` } } })).toBe(1);
    expect(await queueEdition(written.id), "nobody is on its list, but it goes out").toBe(0);
    expect(await rawDb().edition.findUniqueOrThrow({ where: { id: written.id } })).toMatchObject({ status: "SENDING" });
  });
});
