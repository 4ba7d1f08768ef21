/**
 * The protected-route matrix: every page.tsx and route.ts(x) under app/, discovered from the filesystem when the spec
 * runs, mapped to a concrete URL with this spec's own fixture ids, and requested as each role (ADMIN, EDITOR,
 * JOURNALIST), signed out, and with a revoked session (an admin deactivated after signing in). The expected answer is derived from the permission map (lib/auth/permissions.ts):
 *
 * - a page in a protected area: 200 when can(role, permission), the 403 page otherwise, sign-in when signed out;
 * - an owned row's page or API (an article in the editor, its save): 200 on one's own row; on another person's,
 *   200 when can(role, any permission), else hidden (404); signed out: sign-in (pages) or 401 JSON (API);
 * - an API route: 2xx when allowed, 403/404 JSON when not, 401 JSON when signed out;
 * - the cron endpoint opens with its bearer secret only, never with a session;
 * - public routes answer the same to everyone, signed in or not.
 *
 * A route with no mapping here fails the spec, so a new page or handler cannot be forgotten. Requests go through
 * Playwright's `request` API (no browser), with redirects not followed so the sign-in redirect itself is checked.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createAdSlot } from "@/lib/data/ad-slots";
import { createInvitation } from "@/lib/data/invitations";
import { uploadMedia } from "@/lib/data/media/changes";
import { issuePasswordReset } from "@/lib/data/password-resets";
import { createPreviewLink } from "@/lib/data/articles/previews";
import { mediaUrl } from "@/lib/media/keys";
import { createArchivedStory, sessionUserFor, uniqueAddress } from "../support/admin-helpers";
import { testDb } from "../support/db";
import { createEditorArticle, FILLER } from "../support/editor-factories";
import { createTestUser, uniqueId, type TestUser } from "../support/factories";
import { makeImage } from "../support/media-files";
import { discoverRoutes } from "./request-helpers";

/** REVOKED: an admin deactivated after signing in. The session cookie is still valid; it must open nothing. */
type Subject = Role | "SIGNED_OUT" | "REVOKED";
const SUBJECTS: readonly Subject[] = [...ROLES, "SIGNED_OUT", "REVOKED"];
type Ownership = "own" | "other";

// Rules and expectations ---------------------------------------------------------------------------------------------

type Rule =
  /** A page in a protected area (proxy.ts sends signed-out visitors to sign-in; the layout answers 403). */
  | { kind: "page"; permission: Permission; allowedRedirect?: RegExp }
  /** A page showing one row: allowed on one's own row with `own`, on someone else's with `any`, else hidden (404). */
  | { kind: "page-owned"; own: Permission; any: Permission }
  /** A route handler under /admin: proxy.ts sends signed-out visitors to sign-in, the handler answers 403. */
  | { kind: "admin-handler"; permission: Permission }
  /** An API route: 401 JSON signed out, 403 JSON without the permission. */
  | { kind: "api"; permission: Permission }
  /** An API route on one row (ownership as for "page-owned"); refused rows answer 404 JSON. */
  | { kind: "api-owned"; own: Permission; any: Permission }
  /** Opened only by a bearer secret (CRON_SECRET), never by a session: 404 when unconfigured, else 401. */
  | { kind: "bearer" }
  /** Public: the same status for everyone. `status` is what a reader gets (200 unless said otherwise). */
  | { kind: "public"; status?: number }
  /** The sign-in page: signed-in people are sent on to the dashboard. */
  | { kind: "guest" };

type Expected = { statuses: number[]; location?: RegExp; json?: boolean; label: string };

const REDIRECT = [302, 303, 307, 308];
const toLogin: Expected = { statuses: REDIRECT, location: /\/login\?callbackUrl=/, label: "redirect to sign-in" };
/** A revoked session passes proxy.ts (its JWT is valid); the layout's database re-check sends it to sign-in. */
const sessionEnded: Expected = { statuses: REDIRECT, location: /\/login\?callbackUrl=.*reason=session-ended/, label: "redirect to sign-in (session ended)" };

function expected(rule: Rule, subject: Subject, ownership: Ownership): Expected {
  const role = subject === "SIGNED_OUT" || subject === "REVOKED" ? null : subject;
  const denied = subject === "REVOKED" ? sessionEnded : toLogin;
  const ok = (statuses = [200]): Expected => ({ statuses, label: `allowed (${statuses.join("/")})` });
  switch (rule.kind) {
    case "public":
      return ok([rule.status ?? 200]);
    case "guest":
      return role ? { statuses: REDIRECT, location: /\/dashboard$/, label: "redirect to the dashboard" } : ok();
    case "bearer":
      return { statuses: [401, 404], json: true, label: "refused without the bearer secret" };
    case "page":
      if (!role) return denied;
      if (!can(role, rule.permission)) return { statuses: [403], label: "the 403 page" };
      return rule.allowedRedirect ? { statuses: REDIRECT, location: rule.allowedRedirect, label: `allowed (redirect to ${rule.allowedRedirect})` } : ok();
    case "admin-handler":
      // The handler itself answers a revoked session (proxy.ts only sees a valid JWT).
      if (!role) return subject === "REVOKED" ? { statuses: [401], label: "401" } : toLogin;
      return can(role, rule.permission) ? ok() : { statuses: [403], label: "403" };
    case "page-owned":
      if (!role) return denied;
      return can(role, ownership === "own" ? rule.own : rule.any) ? ok() : { statuses: [404], label: "hidden (404)" };
    case "api":
      if (!role) return { statuses: [401], json: true, label: "401 JSON" };
      return can(role, rule.permission) ? ok([200, 201]) : { statuses: [403], json: true, label: "403 JSON" };
    case "api-owned":
      if (!role) return { statuses: [401], json: true, label: "401 JSON" };
      return can(role, ownership === "own" ? rule.own : rule.any) ? ok() : { statuses: [403, 404], json: true, label: "403/404 JSON" };
  }
}

// Fixtures -----------------------------------------------------------------------------------------------------------

type Fixture = {
  users: Record<Role, TestUser>;
  /** Signed in first, then deactivated (see SUBJECTS). */
  revoked: TestUser;
  /** The journalist who owns the "other" rows. */
  other: TestUser;
  otherArticleId: string;
  ownArticleIds: Record<Role, string>;
  mediaId: string;
  mediaPath: string;
  sectionId: string;
  tagId: string;
  tagSlug: string;
  adSlotId: string;
  /** A webhook endpoint, turned off (nothing is ever sent to its documentation address). */
  webhookId: string;
  /** Published three years back, as live coverage that has ended (its event stream answers at once and closes). */
  story: { id: string; path: string; sectionSlug: string; slug: string };
  /** The same kind of story in the Spanish edition, at its Spanish URL (its live-story feeds answer there). */
  spanishStoryPath: string;
  authorSlug: string;
  previewPath: string;
  invitePath: string;
  resetPath: string;
  editionId: string;
  subscriberId: string;
};

async function makeFixture(): Promise<Fixture> {
  const db = testDb();
  const id = uniqueId();
  const users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createTestUser(role)] as const))) as Record<Role, TestUser>;
  const revoked = await createTestUser("ADMIN");
  const other = await createTestUser("JOURNALIST", { name: `Matrix Owner ${id}` });
  const admin = await sessionUserFor(users.ADMIN);
  const otherSession = await sessionUserFor(other);

  const otherArticle = await createEditorArticle(other, { headline: `Matrix draft ${id}`, paragraphs: [FILLER], withRevision: true });
  const ownArticleIds = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, (await createEditorArticle(users[role], { headline: `Own draft ${role} ${id}`, paragraphs: [FILLER] })).id] as const)),
  ) as Record<Role, string>;

  const news = await db.section.findUniqueOrThrow({ where: { slug: "news" }, select: { id: true, slug: true } });
  const story = await createArchivedStory(news.id, other.id, `routes matrix ${id}`);
  await db.article.update({ where: { id: story.id }, data: { isLive: true, coverageStartAt: new Date(Date.now() - 1000 * 86_400_000), coverageEndAt: new Date(Date.now() - 999 * 86_400_000) } });
  const spanish = await createArchivedStory(news.id, other.id, `routes matrix es ${id}`);
  await db.article.update({ where: { id: spanish.id }, data: { editionId: "es", searchConfig: "spanish", isLive: true, coverageStartAt: new Date(Date.now() - 1000 * 86_400_000), coverageEndAt: new Date(Date.now() - 999 * 86_400_000) } });
  const spanishNews = await db.sectionTranslation.findUnique({ where: { sectionId_editionId: { sectionId: news.id, editionId: "es" } }, select: { slug: true } });
  const tag = await db.tag.create({ data: { name: `Matrix ${id}`, slug: `matrix-${id}` }, select: { id: true, slug: true } });
  await db.articleTag.create({ data: { articleId: story.id, tagId: tag.id, position: 0 } });
  const { slug: authorSlug } = await db.user.findUniqueOrThrow({ where: { id: other.id }, select: { slug: true } });

  const uploaded = await uploadMedia(otherSession, { bytes: await makeImage("png", { seed: Date.now() % 100_000 }), filename: `matrix-${id}.png` });
  const media = await db.media.findUniqueOrThrow({ where: { id: uploaded.id }, select: { storageKey: true, variants: true } });
  const firstVariant = (media.variants as { key: string }[] | null)?.[0]?.key;

  const ad = await createAdSlot(admin, { name: `Matrix ${id}`, placement: "SIDEBAR", enabled: false, kind: "IMAGE", imageUrl: "/logo.png", linkUrl: "", altText: "Logo", html: "", position: 500 });
  const webhook = await db.webhookEndpoint.create({ data: { url: "https://192.0.2.1/matrix", events: ["article.published"], secret: `whsec_${Buffer.from(id).toString("base64")}`, enabled: false }, select: { id: true } });
  const preview = await createPreviewLink(otherSession, otherArticle.id);
  const invitation = await createInvitation(admin, { email: `matrix-${id}@e2e.dateline.test`, role: "JOURNALIST" });
  const resetTarget = await createTestUser("JOURNALIST");
  const reset = await issuePasswordReset(admin, resetTarget.id);
  const edition = await db.edition.create({ data: { kind: "SECTION", sectionId: news.id, subject: `Matrix edition ${id}`, items: [story.id], itemsEdited: true }, select: { id: true } });
  const subscriber = await db.subscriber.create({ data: { email: `matrix-${id}@readers.e2e.dateline.test`, status: "CONFIRMED" }, select: { id: true } });

  return {
    users,
    revoked,
    other,
    otherArticleId: otherArticle.id,
    ownArticleIds,
    mediaId: uploaded.id,
    mediaPath: mediaUrl(firstVariant ?? media.storageKey),
    sectionId: news.id,
    tagId: tag.id,
    tagSlug: tag.slug,
    adSlotId: ad.id,
    webhookId: webhook.id,
    story: { id: story.id, path: `/${news.slug}/${story.slug}`, sectionSlug: news.slug, slug: story.slug },
    spanishStoryPath: `/es/${spanishNews?.slug ?? news.slug}/${spanish.slug}`,
    authorSlug,
    previewPath: preview.path,
    invitePath: new URL(invitation.link).pathname,
    resetPath: new URL(reset.link).pathname,
    editionId: edition.id,
    subscriberId: subscriber.id,
  };
}

// The mapping: every discovered route pattern -> how to request it -----------------------------------------------------

type Request = { method?: "GET" | "PUT" | "POST"; url: string; data?: unknown; multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }> };
type RouteCase = {
  rule: Rule;
  request: (f: Fixture, subject: Subject, ownership: Ownership) => Request | Promise<Request>;
};

/** A save of the article as it is now (its current version), as the editor's autosave sends it. */
async function articleSave(articleId: string): Promise<unknown> {
  const a = await testDb().article.findUniqueOrThrow({
    where: { id: articleId },
    select: { version: true, headline: true, dek: true, body: true, datelineCity: true, sectionId: true, slug: true, authors: { orderBy: { position: "asc" }, select: { userId: true } } },
  });
  return {
    baseVersion: a.version,
    mode: "autosave",
    headline: a.headline,
    dek: a.dek,
    body: a.body as Prisma.JsonObject,
    datelineCity: a.datelineCity,
    sectionId: a.sectionId,
    tags: [],
    authorIds: a.authors.map((x) => x.userId),
    featuredImageId: null,
    slug: a.slug,
    seoTitle: "",
    seoDescription: "",
  };
}

const articleFor = (f: Fixture, subject: Subject, ownership: Ownership) =>
  ownership === "own" && subject !== "SIGNED_OUT" && subject !== "REVOKED" ? f.ownArticleIds[subject] : f.otherArticleId;
const get = (url: string): Request => ({ url });

const ROUTES: Record<string, RouteCase> = {
  // Dashboard (journalists, editors, admins)
  "/dashboard": { rule: { kind: "page", permission: "dashboard:access" }, request: () => get("/dashboard") },
  "/dashboard/articles/[id]": {
    rule: { kind: "page-owned", own: "article:read:own", any: "article:read:any" },
    request: (f, s, o) => get(`/dashboard/articles/${articleFor(f, s, o)}`),
  },
  // The staff preview of an article: whoever may open it in the editor.
  "/dashboard/articles/[id]/preview": {
    rule: { kind: "page-owned", own: "article:read:own", any: "article:read:any" },
    request: (f, s, o) => get(`/dashboard/articles/${articleFor(f, s, o)}/preview`),
  },
  // The live composer: whoever may edit the story (lib/data/live/composer.ts).
  "/dashboard/articles/[id]/live": {
    rule: { kind: "page-owned", own: "article:update:own", any: "article:update:any" },
    request: (f, s, o) => get(`/dashboard/articles/${articleFor(f, s, o)}/live`),
  },
  "/dashboard/media": { rule: { kind: "page", permission: "dashboard:access" }, request: () => get("/dashboard/media") },
  // Everyone's own notifications (the data layer reads only the signed-in person's).
  "/dashboard/notifications": { rule: { kind: "page", permission: "dashboard:access" }, request: () => get("/dashboard/notifications") },
  // Every staff member may look at any image's page (and sees whether they may change it).
  "/dashboard/media/[id]": { rule: { kind: "page", permission: "dashboard:access" }, request: (f) => get(`/dashboard/media/${f.mediaId}`) },
  "/dashboard/profile": { rule: { kind: "page", permission: "profile:update:own" }, request: () => get("/dashboard/profile") },
  "/dashboard/newsletters": { rule: { kind: "page", permission: "newsletter:send" }, request: () => get("/dashboard/newsletters") },
  "/dashboard/newsletters/[id]": { rule: { kind: "page", permission: "newsletter:send" }, request: (f) => get(`/dashboard/newsletters/${f.editionId}`) },
  // A route handler in the dashboard answers as the admin ones do: sign-in when signed out, 401/403 itself.
  "/dashboard/newsletters/[id]/preview": { rule: { kind: "admin-handler", permission: "newsletter:send" }, request: (f) => get(`/dashboard/newsletters/${f.editionId}/preview`) },
  "/admin/subscribers": { rule: { kind: "page", permission: "subscriber:manage" }, request: () => get("/admin/subscribers") },
  "/admin/subscribers/[id]/export": { rule: { kind: "admin-handler", permission: "subscriber:manage" }, request: (f) => get(`/admin/subscribers/${f.subscriberId}/export?format=csv`) },

  // Admin
  // The admin home sends admins on to the staff list.
  "/admin": { rule: { kind: "page", permission: "admin:access", allowedRedirect: /\/admin\/users$/ }, request: () => get("/admin") },
  "/admin/audit": { rule: { kind: "page", permission: "audit:read" }, request: () => get("/admin/audit") },
  "/admin/audit/export": { rule: { kind: "admin-handler", permission: "audit:read" }, request: () => get("/admin/audit/export?action=auth.sign_in") },
  "/admin/editions": { rule: { kind: "page", permission: "edition:manage" }, request: () => get("/admin/editions") },
  // The seeded Spanish edition (the e2e database is seeded): read-only, nothing is changed.
  "/admin/editions/[id]": { rule: { kind: "page", permission: "edition:manage" }, request: () => get("/admin/editions/es") },
  "/admin/invitations": { rule: { kind: "page", permission: "invitation:manage" }, request: () => get("/admin/invitations") },
  "/admin/sections": { rule: { kind: "page", permission: "section:manage" }, request: () => get("/admin/sections") },
  "/admin/sections/[id]": { rule: { kind: "page", permission: "section:manage" }, request: (f) => get(`/admin/sections/${f.sectionId}`) },
  "/admin/settings": { rule: { kind: "page", permission: "settings:manage" }, request: () => get("/admin/settings") },
  "/admin/settings/ads/new": { rule: { kind: "page", permission: "settings:manage" }, request: () => get("/admin/settings/ads/new") },
  "/admin/settings/ads/[id]": { rule: { kind: "page", permission: "settings:manage" }, request: (f) => get(`/admin/settings/ads/${f.adSlotId}`) },
  "/admin/tags": { rule: { kind: "page", permission: "tag:manage" }, request: () => get("/admin/tags") },
  "/admin/tags/[id]": { rule: { kind: "page", permission: "tag:manage" }, request: (f) => get(`/admin/tags/${f.tagId}`) },
  "/admin/users": { rule: { kind: "page", permission: "user:read" }, request: () => get("/admin/users") },
  "/admin/api": { rule: { kind: "page", permission: "settings:manage" }, request: () => get("/admin/api") },
  "/admin/api/webhooks/[id]": { rule: { kind: "page", permission: "settings:manage" }, request: (f) => get(`/admin/api/webhooks/${f.webhookId}`) },

  // API
  "/api/articles/[id]": {
    rule: { kind: "api-owned", own: "article:update:own", any: "article:update:any" },
    request: async (f, s, o) => {
      const id = articleFor(f, s, o);
      return { method: "PUT", url: `/api/articles/${id}`, data: await articleSave(id) };
    },
  },
  // Marks a blank new draft as left (the fixture's drafts have text, so nothing is marked or deleted).
  "/api/articles/[id]/left-blank": {
    rule: { kind: "api-owned", own: "article:update:own", any: "article:update:any" },
    request: (f, s, o) => ({ method: "POST", url: `/api/articles/${articleFor(f, s, o)}/left-blank` }),
  },
  "/api/media": {
    rule: { kind: "api", permission: "media:upload" },
    request: async () => ({
      method: "POST",
      url: "/api/media",
      multipart: { file: { name: `matrix-${uniqueId()}.png`, mimeType: "image/png", buffer: await makeImage("png", { seed: Math.floor(Math.random() * 1_000_000) }) } },
    }),
  },
  "/api/notifications/unread": { rule: { kind: "api", permission: "dashboard:access" }, request: () => get("/api/notifications/unread") },
  "/api/cron/publish-scheduled": { rule: { kind: "bearer" }, request: () => ({ method: "POST", url: "/api/cron/publish-scheduled" }) },
  "/api/auth/[...nextauth]": { rule: { kind: "public" }, request: () => get("/api/auth/csrf") },
  // A live story's event stream, for its readers: the same to everyone.
  "/api/live/[id]": { rule: { kind: "public" }, request: (f) => get(`/api/live/${f.story.id}`) },
  // The newsletters' form endpoints: the same for everyone (a signed link or the same answer for every address);
  // an empty post is sent back to the page that says what went wrong.
  "/api/newsletters/subscribe": { rule: { kind: "public", status: 303 }, request: () => ({ method: "POST", url: "/api/newsletters/subscribe" }) },
  "/api/newsletters/confirm": { rule: { kind: "public", status: 303 }, request: () => ({ method: "POST", url: "/api/newsletters/confirm" }) },
  "/api/newsletters/preferences": { rule: { kind: "public", status: 303 }, request: () => ({ method: "POST", url: "/api/newsletters/preferences" }) },
  "/api/newsletters/unsubscribe": { rule: { kind: "public", status: 303 }, request: () => ({ method: "POST", url: "/api/newsletters/unsubscribe?token=forged" }) },

  // The Content API: an API key is the credential, never a session; without one (anonymous access is off, as no spec
  // turns it on) every endpoint answers 401 problem+json to everyone. Its OpenAPI document is public.
  "/api/v1/openapi.json": { rule: { kind: "public" }, request: () => get("/api/v1/openapi.json") },
  "/api/v1/articles": { rule: { kind: "public", status: 401 }, request: () => get("/api/v1/articles") },
  "/api/v1/articles/[ref]": { rule: { kind: "public", status: 401 }, request: (f) => get(`/api/v1/articles/${f.story.id}`) },
  "/api/v1/articles/[ref]/[slug]": { rule: { kind: "public", status: 401 }, request: (f) => get(`/api/v1/articles/${f.story.sectionSlug}/${f.story.slug}`) },
  "/api/v1/sections": { rule: { kind: "public", status: 401 }, request: () => get("/api/v1/sections") },
  "/api/v1/tags": { rule: { kind: "public", status: 401 }, request: () => get("/api/v1/tags") },
  "/api/v1/authors": { rule: { kind: "public", status: 401 }, request: () => get("/api/v1/authors") },
  "/api/v1/search": { rule: { kind: "public", status: 401 }, request: () => get("/api/v1/search?q=water") },

  // Token-guarded pages: the token is the credential, whoever holds it
  "/preview/[token]": { rule: { kind: "public" }, request: (f) => get(f.previewPath) },
  "/invite/[token]": { rule: { kind: "public" }, request: (f) => get(f.invitePath) },
  "/reset-password/[token]": { rule: { kind: "public" }, request: (f) => get(f.resetPath) },
  "/forgot-password": { rule: { kind: "public" }, request: () => get("/forgot-password") },
  "/login": { rule: { kind: "guest" }, request: () => get("/login") },

  // The reader's site, feeds, sitemaps, images
  "/": { rule: { kind: "public" }, request: () => get("/") },
  "/search": { rule: { kind: "public" }, request: () => get("/search") },
  // The page every unpublished article's address shows (proxy.ts); asked for directly, it is gone too.
  "/gone": { rule: { kind: "public", status: 410 }, request: () => get("/gone") },
  // Any address no other route takes: the reader's site's 404.
  "/[...missing]": { rule: { kind: "public", status: 404 }, request: () => get("/no/such/page/here") },
  // What proxy.ts rewrites /search?q=backfile to (lib/validation/search.ts); the query is base64url.
  "/search/results/[query]/[page]": { rule: { kind: "public" }, request: () => get(`/search/results/${Buffer.from("backfile").toString("base64url")}/1`) },
  "/[section]": { rule: { kind: "public" }, request: (f) => get(`/${f.story.sectionSlug}`) },
  "/[section]/[slug]": { rule: { kind: "public" }, request: (f) => get(f.story.path) },
  // Page 1 is the section's own URL.
  "/[section]/[slug]/atom.xml": { rule: { kind: "public" }, request: (f) => get(`${f.story.path}/atom.xml`) },
  "/[section]/[slug]/feed.json": { rule: { kind: "public" }, request: (f) => get(`${f.story.path}/feed.json`) },
  "/[section]/[slug]/feed.xml": { rule: { kind: "public" }, request: (f) => get(`${f.story.path}/feed.xml`) },
  "/[section]/page/[n]": { rule: { kind: "public", status: 308 }, request: (f) => get(`/${f.story.sectionSlug}/page/1`) },
  "/[section]/atom.xml": { rule: { kind: "public" }, request: (f) => get(`/${f.story.sectionSlug}/atom.xml`) },
  "/[section]/feed.json": { rule: { kind: "public" }, request: (f) => get(`/${f.story.sectionSlug}/feed.json`) },
  "/[section]/feed.xml": { rule: { kind: "public" }, request: (f) => get(`/${f.story.sectionSlug}/feed.xml`) },
  "/author/[slug]": { rule: { kind: "public" }, request: (f) => get(`/author/${f.authorSlug}`) },
  "/author/[slug]/page/[n]": { rule: { kind: "public", status: 308 }, request: (f) => get(`/author/${f.authorSlug}/page/1`) },
  "/author/[slug]/atom.xml": { rule: { kind: "public" }, request: (f) => get(`/author/${f.authorSlug}/atom.xml`) },
  "/author/[slug]/feed.json": { rule: { kind: "public" }, request: (f) => get(`/author/${f.authorSlug}/feed.json`) },
  "/author/[slug]/feed.xml": { rule: { kind: "public" }, request: (f) => get(`/author/${f.authorSlug}/feed.xml`) },
  "/tag/[slug]": { rule: { kind: "public" }, request: (f) => get(`/tag/${f.tagSlug}`) },
  "/tag/[slug]/page/[n]": { rule: { kind: "public", status: 308 }, request: (f) => get(`/tag/${f.tagSlug}/page/1`) },
  // The Spanish edition (seeded; docs/decisions/0029-language-editions.md): the same routes under /es.
  "/es": { rule: { kind: "public" }, request: () => get("/es") },
  "/es/search": { rule: { kind: "public" }, request: () => get("/es/search") },
  "/es/[...missing]": { rule: { kind: "public", status: 404 }, request: () => get("/es/no/such/page/here") },
  "/es/search/results/[query]/[page]": { rule: { kind: "public" }, request: () => get(`/es/search/results/${Buffer.from("agua").toString("base64url")}/1`) },
  "/es/[section]": { rule: { kind: "public" }, request: () => get("/es/cultura") },
  "/es/[section]/[slug]": { rule: { kind: "public" }, request: () => get("/es/cultura/museo-de-monterrey-recorre-la-larga-lucha-de-la-ciudad-por-el-agua") },
  "/es/[section]/page/[n]": { rule: { kind: "public", status: 308 }, request: () => get("/es/cultura/page/1") },
  "/es/author/[slug]": { rule: { kind: "public" }, request: (f) => get(`/es/author/${f.authorSlug}`) },
  "/es/author/[slug]/page/[n]": { rule: { kind: "public", status: 308 }, request: (f) => get(`/es/author/${f.authorSlug}/page/1`) },
  "/es/tag/[slug]": { rule: { kind: "public" }, request: (f) => get(`/es/tag/${f.tagSlug}`) },
  "/es/tag/[slug]/page/[n]": { rule: { kind: "public", status: 308 }, request: (f) => get(`/es/tag/${f.tagSlug}/page/1`) },
  "/es/atom.xml": { rule: { kind: "public" }, request: () => get("/es/atom.xml") },
  "/es/feed.json": { rule: { kind: "public" }, request: () => get("/es/feed.json") },
  "/es/feed.xml": { rule: { kind: "public" }, request: () => get("/es/feed.xml") },
  "/es/[section]/atom.xml": { rule: { kind: "public" }, request: () => get("/es/cultura/atom.xml") },
  "/es/[section]/feed.json": { rule: { kind: "public" }, request: () => get("/es/cultura/feed.json") },
  "/es/[section]/feed.xml": { rule: { kind: "public" }, request: () => get("/es/cultura/feed.xml") },
  "/es/[section]/[slug]/atom.xml": { rule: { kind: "public" }, request: (f) => get(`${f.spanishStoryPath}/atom.xml`) },
  "/es/[section]/[slug]/feed.json": { rule: { kind: "public" }, request: (f) => get(`${f.spanishStoryPath}/feed.json`) },
  "/es/[section]/[slug]/feed.xml": { rule: { kind: "public" }, request: (f) => get(`${f.spanishStoryPath}/feed.xml`) },
  "/es/author/[slug]/atom.xml": { rule: { kind: "public" }, request: (f) => get(`/es/author/${f.authorSlug}/atom.xml`) },
  "/es/author/[slug]/feed.json": { rule: { kind: "public" }, request: (f) => get(`/es/author/${f.authorSlug}/feed.json`) },
  "/es/author/[slug]/feed.xml": { rule: { kind: "public" }, request: (f) => get(`/es/author/${f.authorSlug}/feed.xml`) },
  // The Spanish page of every unpublished Spanish article's address (proxy.ts); asked for directly, it is gone too.
  "/es/gone": { rule: { kind: "public", status: 410 }, request: () => get("/es/gone") },
  "/atom.xml": { rule: { kind: "public" }, request: () => get("/atom.xml") },
  "/feed.json": { rule: { kind: "public" }, request: () => get("/feed.json") },
  "/feed.xml": { rule: { kind: "public" }, request: () => get("/feed.xml") },
  "/sitemap.xml": { rule: { kind: "public" }, request: () => get("/sitemap.xml") },
  "/news-sitemap.xml": { rule: { kind: "public" }, request: () => get("/news-sitemap.xml") },
  // With fewer URLs than one sitemap holds, /sitemap.xml is the urlset and there is no chunk 1.
  "/sitemaps/[file]": { rule: { kind: "public", status: 404 }, request: () => get("/sitemaps/1.xml") },
  "/og/[section]/[slug]": { rule: { kind: "public" }, request: (f) => get(`/og/${f.story.sectionSlug}/${f.story.slug}`) },
  "/media/[...key]": { rule: { kind: "public" }, request: (f) => get(f.mediaPath) },
  "/newsletters": { rule: { kind: "public" }, request: () => get("/newsletters") },
  "/newsletters/check-your-email": { rule: { kind: "public" }, request: () => get("/newsletters/check-your-email") },
  "/newsletters/confirm": { rule: { kind: "public" }, request: () => get("/newsletters/confirm?token=forged") },
  "/newsletters/preferences": { rule: { kind: "public" }, request: () => get("/newsletters/preferences?token=forged") },
  "/newsletters/unsubscribe": { rule: { kind: "public" }, request: () => get("/newsletters/unsubscribe?token=forged") },
  "/es/newsletters": { rule: { kind: "public" }, request: () => get("/es/newsletters") },
  "/es/newsletters/check-your-email": { rule: { kind: "public" }, request: () => get("/es/newsletters/check-your-email") },
  "/es/newsletters/confirm": { rule: { kind: "public" }, request: () => get("/es/newsletters/confirm?token=forged") },
  "/es/newsletters/preferences": { rule: { kind: "public" }, request: () => get("/es/newsletters/preferences?token=forged") },
  "/es/newsletters/unsubscribe": { rule: { kind: "public" }, request: () => get("/es/newsletters/unsubscribe?token=forged") },
};

// The spec -----------------------------------------------------------------------------------------------------------

test.describe.configure({ timeout: 180_000 });

test("every page and route handler under app/ has a mapping in the route matrix", () => {
  const discovered = [...new Set(discoverRoutes())].sort();
  expect(discovered).toContain("/dashboard/articles/[id]");
  const unmapped = discovered.filter((r) => !(r in ROUTES));
  const stale = Object.keys(ROUTES).filter((r) => !discovered.includes(r));
  expect({ unmapped, stale }).toEqual({ unmapped: [], stale: [] });
});

/** A request context signed in as `user` through next-auth's credentials endpoint, from an address of its own. */
async function signedInContext(newContext: (options: { baseURL?: string; extraHTTPHeaders?: Record<string, string> }) => Promise<APIRequestContext>, baseURL: string, user?: TestUser) {
  const context = await newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  if (!user) return context;
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await context.post("/api/auth/callback/credentials", { form: { csrfToken, email: user.email, password: user.password, json: "true" }, maxRedirects: 0 });
  const cookies = await context.storageState();
  if (!cookies.cookies.some((c) => c.name.includes("session-token"))) throw new Error(`could not sign in as ${user.email} (status ${res.status()})`);
  return context;
}

async function describeResponse(res: APIResponse): Promise<string> {
  const location = res.headers()["location"];
  const type = res.headers()["content-type"] ?? "";
  const body = type.includes("json") ? ` ${(await res.text()).slice(0, 160)}` : "";
  return `${res.status()}${location ? ` -> ${location}` : ""}${body}`;
}

test("every route answers each role and signed-out visitors as the permission map says", async ({ playwright, baseURL }) => {
  const info = console.info;
  console.info = () => {}; // the invitation and reset emails go to the log without SMTP
  let f: Fixture;
  try {
    f = await makeFixture();
  } finally {
    console.info = info;
  }
  const userOf = (s: Subject) => (s === "SIGNED_OUT" ? undefined : s === "REVOKED" ? f.revoked : f.users[s]);
  const contexts = Object.fromEntries(
    await Promise.all(SUBJECTS.map(async (s) => [s, await signedInContext((o) => playwright.request.newContext(o), baseURL!, userOf(s))] as const)),
  ) as Record<Subject, APIRequestContext>;
  // Deactivated after signing in: the cookie stays, the account is gone.
  await testDb().user.update({ where: { id: f.revoked.id }, data: { status: "DEACTIVATED" } });

  const problems: string[] = [];
  let requests = 0;
  for (const [pattern, route] of Object.entries(ROUTES)) {
    const owned = route.rule.kind === "page-owned" || route.rule.kind === "api-owned";
    for (const subject of SUBJECTS) {
      for (const ownership of owned && subject !== "SIGNED_OUT" && subject !== "REVOKED" ? (["own", "other"] as const) : (["other"] as const)) {
        const req = await route.request(f, subject, ownership);
        const want = expected(route.rule, subject, ownership);
        const res = await contexts[subject].fetch(req.url, { method: req.method ?? "GET", data: req.data, multipart: req.multipart, maxRedirects: 0 });
        requests++;
        const where = `${pattern} (${req.method ?? "GET"} ${req.url}) as ${subject}${ownership === "own" ? " on own row" : ""}`;
        const location = res.headers()["location"] ?? "";
        const type = res.headers()["content-type"] ?? "";
        if (!want.statuses.includes(res.status()) || (want.location && !want.location.test(location)) || (want.json && !type.includes("application/json"))) {
          problems.push(`${where}: expected ${want.label}, got ${await describeResponse(res)}`);
        }
      }
    }
  }
  await Promise.all(Object.values(contexts).map((c) => c.dispose()));
  expect(problems, `${problems.length} of ${requests} requests answered differently from the permission map`).toEqual([]);
});
