/**
 * The case table of the server-action authorization matrix (tests/authz/actions-matrix.test.ts): one entry per
 * exported function of every "use server" module under app/ and lib/actions/, keyed "<file>#<export>". The matrix test discovers the
 * actions from the filesystem and fails on an action with no case here, and on a case whose action is gone.
 *
 * Each case says which rule governs the action (a permission from lib/auth/permissions.ts, an ownership rule, "any
 * signed-in staff member" or "public") and how to build valid arguments from fresh rows in the test database. The
 * same arguments are used for every role, so a role that is refused cannot have failed on its input: the allowed
 * roles prove the arguments valid. `touched` reads the rows the action would change; a refusal must leave them as
 * they were, and a success must change them (so the snapshot is known to cover what the action writes).
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/data/types";
import { createAdSlot } from "@/lib/data/ad-slots";
import { createApiKey } from "@/lib/data/api/keys";
import { createWebhookEndpoint } from "@/lib/data/webhooks/endpoints";
import { createInvitation } from "@/lib/data/invitations";
import { issuePasswordReset } from "@/lib/data/password-resets";
import { createPreviewLink } from "@/lib/data/articles/previews";
import { documentFromParagraphs } from "@/lib/content/document";
import { makeArticle, makeLiveStory, makeSection, makeUser, rawDb, uid } from "../support/factories";

export type Rule =
  /** Anyone, signed in or not (the sign-in pages' own flows, guarded by a token or by answering the same to all). */
  | { kind: "public"; why: string }
  /** Any signed-in, active staff member, whatever the role. */
  | { kind: "signed-in"; why: string }
  /** A role-wide permission: allowed exactly when can(role, permission). */
  | { kind: "permission"; permission: Permission }
  /** Allowed on the actor's own row when can(role, own), on someone else's when can(role, any). */
  | { kind: "owned"; own: Permission; any: Permission }
  /** Only ever the actor's own row (their notifications), with `permission`; someone else's is hidden (not found). */
  | { kind: "own-only"; permission: Permission };

export type Ownership = "own" | "other";

export type RunContext = {
  /** The signed-in user running the action, or null when signed out. */
  actor: SessionUser | null;
  /** An admin, for building fixtures through the data layer. Never the actor. */
  admin: SessionUser;
  /** Who owns (created, co-authors, uploaded) the row the action targets: the actor itself, or another journalist. */
  owner: SessionUser;
};

export type Prepared = {
  args: unknown[];
  /** The rows the action would change, read before and after the call. */
  touched: () => Promise<unknown>;
  /** Extra checks on a successful call's result (the value returned, or the redirect URL). */
  verify?: (result: unknown) => void;
};

export type ActionCase = {
  rule: Rule;
  /** Run every role on a row it owns as well as on another person's (always true for "owned" rules). */
  withOwnRow?: boolean;
  /** Success is this redirect (from next/navigation) rather than `{ ok: true }`. */
  successRedirect?: RegExp;
  /** A read: success returns data and changes nothing. */
  readOnly?: boolean;
  prepare: (ctx: RunContext) => Promise<Prepared>;
};

// Helpers ------------------------------------------------------------------------------------------------------------

const STRONG_PASSWORD = "quiet-harbor-lantern-8472";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** A documentation address (TEST-NET-1, RFC 5737): public, so it may be saved, and never reachable. */
const MATRIX_HOOK_URL = "https://192.0.2.1/hook";
const matrixEndpoint = (admin: SessionUser) => createWebhookEndpoint(admin, { url: MATRIX_HOOK_URL, description: `Matrix ${uid()}`, events: ["live_entry.deleted"] });

const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

async function articleRow(id: string) {
  return rawDb().article.findUnique({
    where: { id },
    select: { status: true, version: true, publishedAt: true, scheduledAt: true, archivedAt: true, revisedAt: true, headline: true, lastEditedById: true },
  });
}

/** The article's row plus everything hanging off it that an editor action writes. */
async function articleState(id: string) {
  const db = rawDb();
  return {
    article: await articleRow(id),
    notes: await db.editorialNote.count({ where: { articleId: id } }),
    corrections: await db.correction.count({ where: { articleId: id } }),
    revisions: await db.revision.count({ where: { articleId: id } }),
    previews: await db.previewLink.findMany({ where: { articleId: id }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    pendingUpdate: await db.pendingUpdate.findUnique({ where: { articleId: id }, select: { status: true, headline: true, submittedAt: true } }),
  };
}

async function makeMedia(owner: SessionUser) {
  const id = uid();
  return rawDb().media.create({
    data: { uploaderId: owner.id, hash: `authz-${id}-${randomBytes(8).toString("hex")}`, storageKey: `authz/${id}`, filename: `${id}.jpg`, mimeType: "image/jpeg", bytes: 1000, width: 800, height: 600, variants: [] },
    select: { id: true },
  });
}

const mediaRow = (id: string) => rawDb().media.findUnique({ where: { id }, select: { alt: true, caption: true, credit: true, focalX: true, focalY: true } });
const userRow = (id: string) =>
  rawDb().user.findUnique({ where: { id }, select: { role: true, status: true, name: true, bio: true, passwordHash: true, sessionVersion: true } });

/** The Spanish edition, as the seed makes it (tests share it: never changed here). */
const upsertSpanishEdition = () =>
  rawDb().languageEdition.upsert({ where: { id: "es" }, create: { id: "es", locale: "es-MX", name: "Español", searchConfig: "spanish", position: 1 }, update: {} });

/** A closed edition of the matrix's own (a private-use language code), reset to the same settings for every run. */
const MATRIX_EDITION = { locale: "en-GB", name: "Matrix", searchConfig: "simple", position: 9, isPublic: false };
const matrixEdition = (id: string) => rawDb().languageEdition.upsert({ where: { id }, create: { id, ...MATRIX_EDITION }, update: MATRIX_EDITION });
const matrixEditionRow = (id: string) => rawDb().languageEdition.findUnique({ where: { id }, select: { name: true, locale: true, searchConfig: true, position: true, isPublic: true } });

/** A future local time for <input type="datetime-local">, a year ahead (the site's time zone cannot matter). */
function nextYearLocal(): string {
  const d = new Date(Date.now() + 365 * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}T10:30`;
}

async function makeRevision(articleId: string, authorId: string) {
  const article = await rawDb().article.findUniqueOrThrow({ where: { id: articleId } });
  return rawDb().revision.create({
    data: {
      articleId,
      version: article.version,
      kind: "MANUAL",
      headline: `Restored headline ${uid()}`,
      dek: article.dek,
      body: article.body as Prisma.InputJsonValue,
      bodyText: article.bodyText,
      datelineCity: article.datelineCity,
      status: article.status,
      authorId,
    },
    select: { id: true },
  });
}

/** A published article of `owner` with a pending update (its text, a new headline) in `status`. */
async function publishedWithUpdate(owner: SessionUser, status: "DRAFT" | "IN_REVIEW") {
  const article = await makeArticle(owner, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 3 * 365 * 86_400_000) });
  const { dek, body, bodyText, datelineCity, seoTitle, seoDescription } = article;
  await rawDb().pendingUpdate.create({
    data: {
      articleId: article.id,
      status,
      headline: `Updated headline ${uid()}`,
      dek,
      bodyText,
      datelineCity,
      seoTitle,
      seoDescription,
      body: body as Prisma.InputJsonValue,
      tagIds: [],
      lastEditedById: owner.id,
      submittedAt: status === "IN_REVIEW" ? new Date() : null,
    },
  });
  return article;
}

/** An action on the pending update of `publishedWithUpdate(owner, status)`: (articleId, ...more) answers `answer`. */
function updateCase(rule: Rule, status: "DRAFT" | "IN_REVIEW", more: unknown[], answer: string): ActionCase {
  return {
    rule,
    async prepare({ owner }) {
      const article = await publishedWithUpdate(owner, status);
      return { args: [article.id, ...more], touched: () => articleState(article.id), verify: (r) => expectData(r, (s) => s === answer) };
    },
  };
}

/** An unread notification for `userId` about a new article of `owner`. */
async function makeNotification(userId: string, owner: SessionUser) {
  const article = await makeArticle(owner);
  return rawDb().notification.create({ data: { userId, kind: "NOTE", articleId: article.id, headline: article.headline, detail: "A note." }, select: { id: true } });
}

const readAtOf = (id: string) => rawDb().notification.findUnique({ where: { id }, select: { readAt: true } });
const unreadOf = (userId: string | undefined) => (userId ? rawDb().notification.count({ where: { userId, readAt: null } }) : Promise.resolve(null));

/** A live story's coverage, entries and composer drafts: everything a live action writes. */
const liveState = (articleId: string) =>
  rawDb().article.findUnique({
    where: { id: articleId },
    select: {
      isLive: true,
      coverageEndAt: true,
      liveSeq: true,
      liveEntries: { orderBy: { id: "asc" }, select: { id: true, title: true, version: true, deletedAt: true, isKeyEvent: true } },
      liveDrafts: { orderBy: { userId: "asc" }, select: { userId: true, title: true } },
    },
  });

const liveBody = () => documentFromParagraphs([`Sandbags went up along the east bank, reference ${uid()}.`]);

const ARTICLE_OWNERSHIP_READ: Rule = { kind: "owned", own: "article:read:own", any: "article:read:any" };
const ARTICLE_OWNERSHIP_UPDATE: Rule = { kind: "owned", own: "article:update:own", any: "article:update:any" };

/** A draft section edition with one published article, for a fresh section nobody subscribes to (so nothing is mailed). */
async function makeEdition(owner: SessionUser) {
  const section = await makeSection();
  const article = await makeArticle(owner, { status: "PUBLISHED", sectionId: section.id });
  return rawDb().edition.create({ data: { kind: "SECTION", sectionId: section.id, subject: `Edition ${uid()}`, items: [article.id], itemsEdited: true }, select: { id: true } });
}

const editionRow = (id: string) => rawDb().edition.findUnique({ where: { id }, select: { status: true, subject: true, intro: true, scheduledFor: true } });

/** An action on a fresh edition, posted as a form with its id and `fields`. */
function editionCase(fields: Record<string, string>, successRedirect?: RegExp): ActionCase {
  return {
    rule: { kind: "permission", permission: "newsletter:send" },
    successRedirect,
    async prepare({ owner }) {
      const edition = await makeEdition(owner);
      return { args: [null, form({ id: edition.id, ...fields })], touched: () => editionRow(edition.id) };
    },
  };
}

// The cases ----------------------------------------------------------------------------------------------------------

export const ACTION_CASES: Record<string, ActionCase> = {
  // Sign-in pages: public flows. Their guard is the token (or the same answer for every email), not a session.
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    rule: { kind: "public", why: "a signed-out person asks for a reset link; the answer is the same for every email" },
    async prepare() {
      const target = await makeUser("JOURNALIST");
      return {
        args: [null, form({ email: target.email })],
        touched: () => rawDb().passwordReset.count({ where: { userId: target.id } }),
      };
    },
  },
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction": {
    rule: { kind: "public", why: "the invitation token is the credential" },
    async prepare({ admin }) {
      const email = `invitee-${uid()}@test.dateline.test`;
      const invitation = await createInvitation(admin, { email, role: "JOURNALIST" });
      return {
        args: [null, form({ token: tokenOf(invitation.link), name: "Invited Person", password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD })],
        touched: () => rawDb().user.findUnique({ where: { email }, select: { id: true, role: true, signInTokens: { select: { usedAt: true } } } }),
        // The answer carries the one-time sign-in token for this browser (only its hash is stored).
        verify: (result) => expectData<{ signInToken?: unknown }>(result, (data) => typeof data.signInToken === "string" && /^[A-Za-z0-9_-]{43}$/.test(data.signInToken)),
      };
    },
  },
  "app/(auth)/reset-password/[token]/actions.ts#completePasswordResetAction": {
    rule: { kind: "public", why: "the reset token is the credential" },
    successRedirect: /^\/login\?reason=password-reset$/,
    async prepare({ admin }) {
      const target = await makeUser("JOURNALIST");
      const issued = await issuePasswordReset(admin, target.id);
      return {
        args: [null, form({ token: tokenOf(issued.link), password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD })],
        touched: () => userRow(target.id),
      };
    },
  },

  // Admin: invitations ----------------------------------------------------------------------------------------------
  "app/admin/invitations/actions.ts#createInvitationAction": {
    rule: { kind: "permission", permission: "invitation:manage" },
    async prepare() {
      const email = `new-${uid()}@test.dateline.test`;
      return {
        args: [null, form({ email, role: "EDITOR" })],
        touched: () => rawDb().invitation.findMany({ where: { email }, select: { id: true } }),
        verify: (r) => expectData(r, (d: { email: string }) => d.email === email),
      };
    },
  },
  "app/admin/invitations/actions.ts#resendInvitationAction": {
    rule: { kind: "permission", permission: "invitation:manage" },
    async prepare({ admin }) {
      const invitation = await createInvitation(admin, { email: `resend-${uid()}@test.dateline.test`, role: "JOURNALIST" });
      return {
        args: [null, form({ invitationId: invitation.id })],
        touched: () => rawDb().invitation.findUnique({ where: { id: invitation.id }, select: { tokenHash: true, expiresAt: true, revokedAt: true } }),
      };
    },
  },
  "app/admin/invitations/actions.ts#revokeInvitationAction": {
    rule: { kind: "permission", permission: "invitation:manage" },
    async prepare({ admin }) {
      const invitation = await createInvitation(admin, { email: `revoke-${uid()}@test.dateline.test`, role: "JOURNALIST" });
      return {
        args: [null, form({ invitationId: invitation.id })],
        touched: () => rawDb().invitation.findUnique({ where: { id: invitation.id }, select: { revokedAt: true } }),
      };
    },
  },

  // Admin: sections -------------------------------------------------------------------------------------------------
  "app/admin/sections/actions.ts#createSectionAction": {
    rule: { kind: "permission", permission: "section:manage" },
    async prepare() {
      const slug = `authz-${uid()}`;
      return {
        args: [null, form({ name: `Authz ${slug}`, slug, description: "" })],
        touched: () => rawDb().section.findUnique({ where: { slug }, select: { id: true } }),
      };
    },
  },
  "app/admin/sections/actions.ts#updateSectionAction": {
    rule: { kind: "permission", permission: "section:manage" },
    async prepare() {
      const section = await makeSection();
      return {
        args: [null, form({ sectionId: section.id, name: `Renamed ${uid()}`, slug: section.slug, description: "Now described." })],
        touched: () => rawDb().section.findUnique({ where: { id: section.id }, select: { name: true, slug: true, description: true } }),
      };
    },
  },
  "app/admin/sections/actions.ts#moveSectionAction": {
    rule: { kind: "permission", permission: "section:manage" },
    async prepare() {
      const db = rawDb();
      const last = (await db.section.aggregate({ _max: { position: true } }))._max.position ?? 0;
      const first = await db.section.update({ where: { id: (await makeSection()).id }, data: { position: last + 1 }, select: { id: true } });
      const second = await db.section.update({ where: { id: (await makeSection()).id }, data: { position: last + 2 }, select: { id: true } });
      return {
        args: [null, form({ sectionId: second.id, direction: "up" })],
        touched: () => db.section.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { id: "asc" }, select: { id: true, position: true } }),
      };
    },
  },

  "app/admin/sections/actions.ts#translateSectionAction": {
    rule: { kind: "permission", permission: "section:manage" },
    async prepare() {
      await upsertSpanishEdition();
      const section = await makeSection();
      return {
        args: [null, form({ intent: "save", sectionId: section.id, editionId: "es", name: `Sección ${uid()}`, slug: `seccion-${uid()}`, description: "" })],
        touched: () => rawDb().sectionTranslation.findMany({ where: { sectionId: section.id }, select: { editionId: true, name: true, slug: true } }),
      };
    },
  },

  // Admin: language editions (matrix editions in private-use codes qaa…qad, which actions-matrix.test.ts removes after) ----
  "app/admin/editions/actions.ts#createEditionAction": {
    rule: { kind: "permission", permission: "edition:manage" },
    successRedirect: /^\/admin\/editions\/qaa\?added=1$/,
    async prepare() {
      await rawDb().languageEdition.deleteMany({ where: { id: "qaa" } });
      return {
        args: [null, form({ editionId: "qaa", name: "Matrix", locale: "en-GB", searchConfig: "simple", position: "9" })],
        touched: () => rawDb().languageEdition.findUnique({ where: { id: "qaa" }, select: { name: true, isPublic: true } }),
      };
    },
  },
  "app/admin/editions/actions.ts#updateEditionAction": {
    rule: { kind: "permission", permission: "edition:manage" },
    async prepare() {
      await matrixEdition("qab");
      return { args: [null, form({ editionId: "qab", name: "Renamed", locale: "es-ES", searchConfig: "spanish", position: "3" })], touched: () => matrixEditionRow("qab") };
    },
  },
  "app/admin/editions/actions.ts#setEditionAccessAction": {
    rule: { kind: "permission", permission: "edition:manage" },
    async prepare() {
      await matrixEdition("qac");
      return { args: [null, form({ editionId: "qac", isPublic: "on" })], touched: () => matrixEditionRow("qac") };
    },
  },
  "app/admin/editions/actions.ts#deleteEditionAction": {
    rule: { kind: "permission", permission: "edition:manage" },
    successRedirect: /^\/admin\/editions\?deleted=1$/,
    async prepare() {
      await matrixEdition("qad");
      return { args: [null, form({ editionId: "qad" })], touched: () => matrixEditionRow("qad") };
    },
  },

  // Admin: settings and ad slots ------------------------------------------------------------------------------------
  "app/admin/settings/actions.ts#updateSettingsAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare() {
      const current = await rawDb().settings.findUnique({ where: { id: 1 } });
      return {
        // Only the description changes: the site's name, locale and time zone stay as other test files expect them.
        args: [
          null,
          form({
            siteName: current?.siteName ?? "Dateline",
            description: `Described by the authorization matrix ${uid()}`,
            logoUrl: current?.logoUrl ?? "",
            locale: current?.locale ?? "en-US",
            timeZone: current?.timeZone ?? "America/Monterrey",
          }),
        ],
        touched: () => rawDb().settings.findUnique({ where: { id: 1 }, select: { description: true } }),
      };
    },
  },
  "app/admin/settings/actions.ts#updateAdSettingsAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare() {
      const now = await rawDb().settings.findUnique({ where: { id: 1 }, select: { houseAdEnabled: true, houseAdLinkUrl: true, adParagraph: true } });
      // Only the message's text changes: whether it shows, and where the in-article slot stands, stay as they are.
      const fields = { houseAdText: `Advertise with the authorization matrix ${uid()}`, houseAdLinkUrl: now?.houseAdLinkUrl ?? "", adParagraph: String(now?.adParagraph ?? 3) };
      return {
        args: [null, form(now?.houseAdEnabled ? { ...fields, houseAdEnabled: "on" } : fields)],
        touched: () => rawDb().settings.findUnique({ where: { id: 1 }, select: { houseAdText: true } }),
      };
    },
  },
  "app/admin/settings/actions.ts#saveAdSlotAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    // On to the new slot's page; /logo.png is an image in public/, so it is checked, not "unchecked".
    successRedirect: /^\/admin\/settings\/ads\/[a-z0-9]+\?ad=created$/,
    async prepare() {
      const name = `Authz ad ${uid()}`;
      return {
        args: [null, form({ name, placement: "SIDEBAR", kind: "IMAGE", imageUrl: "/logo.png", linkUrl: "", altText: "Logo", html: "", position: "500" })],
        touched: () => rawDb().adSlot.findMany({ where: { name }, select: { id: true } }),
      };
    },
  },
  "app/admin/settings/actions.ts#deleteAdSlotAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    successRedirect: /^\/admin\/settings\?ad=deleted$/,
    async prepare({ admin }) {
      const ad = await createAdSlot(admin, { name: `Authz ${uid()}`, placement: "SIDEBAR", enabled: false, kind: "IMAGE", imageUrl: "/logo.png", linkUrl: "", altText: "Logo", html: "", position: 500 });
      return { args: [null, form({ adSlotId: ad.id })], touched: () => rawDb().adSlot.findUnique({ where: { id: ad.id }, select: { id: true } }) };
    },
  },

  // Admin: Content API and webhooks --------------------------------------------------------------------------------
  "app/admin/api/actions.ts#updateApiSettingsAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare() {
      // Anonymous access stays off and the hub empty, as the other test files expect; only the rights text changes.
      return {
        args: [null, form({ apiAnonymousAccess: "off", apiRightsInfo: `Rights by the authorization matrix ${uid()}`, websubHubUrl: "" })],
        touched: () => rawDb().settings.findUnique({ where: { id: 1 }, select: { apiRightsInfo: true } }),
      };
    },
  },
  "app/admin/api/actions.ts#createApiKeyAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare() {
      const name = `Matrix key ${uid()}`;
      const data = form({ name, rateLimit: "60" });
      data.append("scopes", "articles");
      data.append("scopes", "search");
      return { args: [null, data], touched: () => rawDb().apiKey.findMany({ where: { name }, select: { name: true, scopes: true } }) };
    },
  },
  "app/admin/api/actions.ts#revokeApiKeyAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare({ admin }) {
      const { id } = await createApiKey(admin, { name: `Matrix key ${uid()}`, scopes: ["articles"], rateLimit: 60 });
      return { args: [null, form({ apiKeyId: id })], touched: () => rawDb().apiKey.findUnique({ where: { id }, select: { revokedAt: true } }) };
    },
  },
  "app/admin/api/actions.ts#createWebhookAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare() {
      const description = `Matrix endpoint ${uid()}`;
      const data = form({ url: MATRIX_HOOK_URL, description });
      data.append("events", "live_entry.deleted");
      return { args: [null, data], touched: () => rawDb().webhookEndpoint.findMany({ where: { description }, select: { url: true, events: true } }) };
    },
  },
  "app/admin/api/actions.ts#updateWebhookAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare({ admin }) {
      const { id } = await matrixEndpoint(admin);
      const data = form({ webhookId: id, url: MATRIX_HOOK_URL, description: `Renamed by the matrix ${uid()}` });
      data.append("events", "live_entry.deleted");
      return { args: [null, data], touched: () => rawDb().webhookEndpoint.findUnique({ where: { id }, select: { description: true } }) };
    },
  },
  "app/admin/api/actions.ts#setWebhookEnabledAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare({ admin }) {
      const { id } = await matrixEndpoint(admin);
      return { args: [null, form({ webhookId: id, enabled: "off" })], touched: () => rawDb().webhookEndpoint.findUnique({ where: { id }, select: { enabled: true } }) };
    },
  },
  "app/admin/api/actions.ts#deleteWebhookAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    successRedirect: /^\/admin\/api\?webhook=deleted$/,
    async prepare({ admin }) {
      const { id } = await matrixEndpoint(admin);
      return { args: [null, form({ webhookId: id })], touched: () => rawDb().webhookEndpoint.findUnique({ where: { id }, select: { id: true } }) };
    },
  },
  "app/admin/api/actions.ts#redeliverWebhookAction": {
    rule: { kind: "permission", permission: "settings:manage" },
    async prepare({ admin }) {
      const { id: endpointId } = await matrixEndpoint(admin);
      // Off, so the message sent again waits instead of going out from a later test file.
      await rawDb().webhookEndpoint.update({ where: { id: endpointId }, data: { enabled: false } });
      const delivery = await rawDb().webhookDelivery.create({
        data: { id: `msg_matrix${uid()}`, endpointId, url: MATRIX_HOOK_URL, event: "live_entry.deleted", payload: "{}", state: "SUCCEEDED", attempts: 1 },
      });
      return { args: [null, form({ deliveryId: delivery.id })], touched: () => rawDb().webhookDelivery.findUnique({ where: { id: delivery.id }, select: { state: true, attempts: true } }) };
    },
  },

  // Admin: tags -----------------------------------------------------------------------------------------------------
  "app/admin/tags/actions.ts#createTagAction": {
    rule: { kind: "permission", permission: "tag:manage" },
    async prepare() {
      const slug = `authz-${uid()}`;
      return { args: [null, form({ name: `Authz ${slug}`, slug })], touched: () => rawDb().tag.findUnique({ where: { slug }, select: { id: true } }) };
    },
  },
  "app/admin/tags/actions.ts#renameTagAction": {
    rule: { kind: "permission", permission: "tag:manage" },
    async prepare() {
      const tag = await rawDb().tag.create({ data: { name: `Tag ${uid()}`, slug: `tag-${uid()}` } });
      const slug = `renamed-${uid()}`;
      return { args: [null, form({ tagId: tag.id, name: `Renamed ${slug}`, slug })], touched: () => rawDb().tag.findUnique({ where: { id: tag.id }, select: { name: true, slug: true } }) };
    },
  },
  "app/admin/tags/actions.ts#translateTagAction": {
    rule: { kind: "permission", permission: "tag:manage" },
    async prepare() {
      await upsertSpanishEdition();
      const tag = await rawDb().tag.create({ data: { name: `Tag ${uid()}`, slug: `tag-${uid()}` } });
      return {
        args: [null, form({ intent: "save", tagId: tag.id, editionId: "es", name: `Etiqueta ${uid()}`, slug: `etiqueta-${uid()}` })],
        touched: () => rawDb().tagTranslation.findMany({ where: { tagId: tag.id }, select: { editionId: true, name: true, slug: true } }),
      };
    },
  },
  "app/admin/tags/actions.ts#mergeTagAction": {
    rule: { kind: "permission", permission: "tag:manage" },
    successRedirect: /^\/admin\/tags\/[\w-]+\?merged=1$/,
    async prepare() {
      const source = await rawDb().tag.create({ data: { name: `Source ${uid()}`, slug: `source-${uid()}` } });
      const target = await rawDb().tag.create({ data: { name: `Target ${uid()}`, slug: `target-${uid()}` } });
      return {
        args: [null, form({ sourceId: source.id, targetId: target.id })],
        touched: () => rawDb().tag.findUnique({ where: { id: source.id }, select: { id: true } }),
        verify: (url) => {
          if (url !== `/admin/tags/${target.id}?merged=1`) throw new Error(`merged into the wrong tag: ${String(url)}`);
        },
      };
    },
  },

  // Admin: users ----------------------------------------------------------------------------------------------------
  "app/admin/users/actions.ts#setUserRoleAction": {
    rule: { kind: "permission", permission: "user:manage" },
    async prepare() {
      const target = await makeUser("JOURNALIST");
      return { args: [null, form({ userId: target.id, role: "EDITOR" })], touched: () => userRow(target.id) };
    },
  },
  "app/admin/users/actions.ts#setUserStatusAction": {
    rule: { kind: "permission", permission: "user:manage" },
    async prepare() {
      const target = await makeUser("JOURNALIST");
      return { args: [null, form({ userId: target.id, status: "DEACTIVATED" })], touched: () => userRow(target.id) };
    },
  },
  "app/admin/users/actions.ts#issuePasswordResetAction": {
    rule: { kind: "permission", permission: "user:manage" },
    async prepare() {
      const target = await makeUser("JOURNALIST");
      return {
        args: [null, form({ userId: target.id })],
        touched: () => rawDb().passwordReset.count({ where: { userId: target.id } }),
        verify: (r) => expectData(r, (d: { email: string; link: string }) => d.email === target.email && d.link.includes("/reset-password/")),
      };
    },
  },
  "app/admin/users/actions.ts#unlockSignInAction": {
    rule: { kind: "permission", permission: "user:manage" },
    async prepare() {
      const target = await makeUser("JOURNALIST");
      await rawDb().signInAttempt.createMany({ data: Array.from({ length: 7 }, () => ({ email: target.email, ip: "192.0.2.9", succeeded: false })) });
      return { args: [null, form({ userId: target.id })], touched: () => rawDb().signInAttempt.count({ where: { email: target.email, succeeded: false } }) };
    },
  },

  // Dashboard: new article ------------------------------------------------------------------------------------------
  "app/dashboard/actions.ts#createArticleAction": {
    rule: { kind: "permission", permission: "article:create" },
    successRedirect: /^\/dashboard\/articles\/[\w-]+$/,
    async prepare({ actor }) {
      await upsertSpanishEdition();
      return {
        args: [null, form({ editionId: "es" })],
        touched: async () => (actor ? rawDb().article.count({ where: { createdById: actor.id } }) : rawDb().article.count()),
      };
    },
  },

  // Dashboard: the editor's workflow actions -------------------------------------------------------------------------
  "lib/actions/workflow.ts#submitForReviewAction": {
    rule: { kind: "owned", own: "article:submit", any: "article:update:any" },
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "DRAFT" });
      return { args: [article.id], touched: () => articleState(article.id), verify: (r) => expectData(r, (s) => s === "IN_REVIEW") };
    },
  },
  "lib/actions/workflow.ts#sendBackAction": {
    rule: { kind: "permission", permission: "article:publish" },
    withOwnRow: true,
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "IN_REVIEW" });
      return { args: [article.id, "Needs a second source."], touched: () => articleState(article.id), verify: (r) => expectData(r, (s) => s === "CHANGES_REQUESTED") };
    },
  },
  "lib/actions/workflow.ts#publishAction": {
    rule: { kind: "permission", permission: "article:publish" },
    withOwnRow: true,
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "IN_REVIEW" });
      return { args: [article.id], touched: () => articleState(article.id), verify: (r) => expectData(r, (s) => s === "PUBLISHED") };
    },
  },
  "lib/actions/workflow.ts#scheduleAction": {
    rule: { kind: "permission", permission: "article:schedule" },
    withOwnRow: true,
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "IN_REVIEW" });
      return { args: [article.id, nextYearLocal()], touched: () => articleState(article.id), verify: (r) => expectData(r, (s) => s === "SCHEDULED") };
    },
  },
  "lib/actions/workflow.ts#cancelScheduleAction": {
    rule: { kind: "permission", permission: "article:schedule" },
    withOwnRow: true,
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "IN_REVIEW" });
      await rawDb().article.update({ where: { id: article.id }, data: { status: "SCHEDULED", scheduledAt: new Date(Date.now() + 365 * 86_400_000) } });
      return { args: [article.id], touched: () => articleState(article.id), verify: (r) => expectData(r, (s) => s === "IN_REVIEW") };
    },
  },
  "lib/actions/workflow.ts#unpublishAction": {
    rule: { kind: "permission", permission: "article:unpublish" },
    withOwnRow: true,
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 3 * 365 * 86_400_000) });
      return { args: [article.id], touched: () => articleState(article.id), verify: (r) => expectData(r, (s) => s === "ARCHIVED") };
    },
  },
  "lib/actions/workflow.ts#addCorrectionAction": {
    rule: { kind: "permission", permission: "article:correct" },
    withOwnRow: true,
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "PUBLISHED", publishedAt: new Date(Date.now() - 3 * 365 * 86_400_000) });
      return { args: [{ articleId: article.id, kind: "CORRECTION", text: "An earlier version misspelled the mayor's name." }], touched: () => articleState(article.id) };
    },
  },
  // A published article with a pending update in the given state; the answer is the update's (or the article's) status.
  "lib/actions/workflow.ts#submitUpdateAction": updateCase({ kind: "owned", own: "article:submit", any: "article:update:any" }, "DRAFT", [], "IN_REVIEW"),
  "lib/actions/workflow.ts#publishUpdateAction": { ...updateCase({ kind: "permission", permission: "article:publish" }, "IN_REVIEW", [], "PUBLISHED"), withOwnRow: true },
  "lib/actions/workflow.ts#sendBackUpdateAction": {
    ...updateCase({ kind: "permission", permission: "article:publish" }, "IN_REVIEW", ["Attribute the mayor's figure."], "CHANGES_REQUESTED"),
    withOwnRow: true,
  },
  "lib/actions/workflow.ts#discardUpdateAction": updateCase(ARTICLE_OWNERSHIP_UPDATE, "DRAFT", [], "PUBLISHED"),
  "lib/actions/workflow.ts#deleteArticleAction": {
    // Own: a draft the actor created and never published (the own rule); any other unpublished article: the desk.
    rule: { kind: "owned", own: "article:delete:own", any: "article:delete:any" },
    successRedirect: /^\/dashboard\?deleted=1$/,
    async prepare({ owner }) {
      const article = await makeArticle(owner);
      return { args: [article.id], touched: () => articleState(article.id) };
    },
  },
  "lib/actions/notes.ts#addNoteAction": {
    rule: { kind: "owned", own: "note:create", any: "article:read:any" },
    async prepare({ owner }) {
      const article = await makeArticle(owner);
      return { args: [article.id, "Checked the quotes with the source."], touched: () => articleState(article.id) };
    },
  },
  "app/dashboard/articles/[id]/actions.ts#translateArticleAction": {
    // Translating reads the source like an edit does (own or the desk's) and makes a draft (any staff member may).
    rule: { kind: "owned", own: "article:create", any: "article:update:any" },
    successRedirect: /^\/dashboard\/articles\/[^/]+$/,
    async prepare({ owner }) {
      await upsertSpanishEdition();
      const article = await makeArticle(owner);
      const translations = () => rawDb().article.findMany({ where: { translationSourceId: article.id }, select: { id: true, editionId: true } });
      return { args: [null, form({ articleId: article.id, editionId: "es" })], touched: translations };
    },
  },
  "app/dashboard/articles/[id]/actions.ts#confirmTranslationAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      await upsertSpanishEdition();
      const source = await makeArticle(owner);
      const translation = await makeArticle(owner);
      await rawDb().article.update({ where: { id: source.id }, data: { translationGroupId: source.id } });
      await rawDb().article.update({ where: { id: translation.id }, data: { editionId: "es", translationGroupId: source.id, translationSourceId: source.id, translationOutdated: true } });
      const touched = () => rawDb().article.findUnique({ where: { id: translation.id }, select: { translationOutdated: true } });
      return { args: [null, form({ articleId: translation.id })], touched };
    },
  },
  "lib/actions/previews.ts#createPreviewAction": {
    rule: ARTICLE_OWNERSHIP_READ,
    async prepare({ owner }) {
      const article = await makeArticle(owner);
      return { args: [article.id], touched: () => articleState(article.id), verify: (r) => expectData(r, (d: { path: string }) => d.path.startsWith("/preview/")) };
    },
  },
  "lib/actions/previews.ts#revokePreviewAction": {
    rule: ARTICLE_OWNERSHIP_READ,
    async prepare({ owner }) {
      const article = await makeArticle(owner);
      const link = await createPreviewLink(owner, article.id);
      return { args: [article.id, link.id], touched: () => articleState(article.id) };
    },
  },
  "lib/actions/revisions.ts#getRevisionAction": {
    rule: ARTICLE_OWNERSHIP_READ,
    readOnly: true,
    async prepare({ owner }) {
      const article = await makeArticle(owner);
      const revision = await makeRevision(article.id, owner.id);
      return { args: [revision.id], touched: () => articleState(article.id), verify: (r) => expectData(r, (d: { id: string }) => d.id === revision.id) };
    },
  },
  "lib/actions/revisions.ts#restoreRevisionAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      const article = await makeArticle(owner);
      const revision = await makeRevision(article.id, owner.id);
      return { args: [article.id, revision.id], touched: () => articleState(article.id), verify: (r) => expectData(r, (v) => v === article.version + 1) };
    },
  },

  // Live coverage: whoever may edit the story ------------------------------------------------------------------------
  "lib/actions/live.ts#startCoverageAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "PUBLISHED" });
      return { args: [article.id], touched: () => liveState(article.id) };
    },
  },
  "lib/actions/live.ts#endCoverageAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      const { article } = await makeLiveStory(owner);
      return { args: [article.id], touched: () => liveState(article.id) };
    },
  },
  "lib/actions/live.ts#postLiveEntryAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      const { article } = await makeLiveStory(owner);
      return { args: [{ articleId: article.id, title: "Levee holds", body: liveBody(), isKeyEvent: true, isPinned: false, authorIds: [] }], touched: () => liveState(article.id) };
    },
  },
  "lib/actions/live.ts#editLiveEntryAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      const { article, entry } = await makeLiveStory(owner);
      return {
        args: [{ entryId: entry.id, baseVersion: entry.version, title: "River rising fast", body: liveBody(), isKeyEvent: true, isPinned: false, authorIds: [] }],
        touched: () => liveState(article.id),
      };
    },
  },
  "lib/actions/live.ts#deleteLiveEntryAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      const { article, entry } = await makeLiveStory(owner);
      return { args: [entry.id], touched: () => liveState(article.id) };
    },
  },
  "lib/actions/live.ts#saveLiveDraftAction": {
    rule: ARTICLE_OWNERSHIP_UPDATE,
    async prepare({ owner }) {
      const { article } = await makeLiveStory(owner);
      return { args: [{ articleId: article.id, title: "Half-written", body: liveBody(), isKeyEvent: false, isPinned: false }], touched: () => liveState(article.id) };
    },
  },

  // Dashboard: media ------------------------------------------------------------------------------------------------
  "app/dashboard/media/[id]/actions.ts#updateMediaAction": {
    rule: { kind: "owned", own: "media:update:own", any: "media:update:any" },
    async prepare({ owner }) {
      const media = await makeMedia(owner);
      return {
        args: [media.id, null, form({ alt: "A council meeting", caption: "The chamber on Tuesday.", credit: "Staff", focalX: "50", focalY: "50" })],
        touched: () => mediaRow(media.id),
      };
    },
  },
  "lib/actions/media.ts#updateMediaTextAction": {
    rule: { kind: "owned", own: "media:update:own", any: "media:update:any" },
    async prepare({ owner }) {
      const media = await makeMedia(owner);
      return { args: [media.id, { alt: "The river at dawn", caption: "Below the old mill.", credit: "Ana Ruiz / Dateline" }], touched: () => mediaRow(media.id) };
    },
  },
  "app/dashboard/media/[id]/actions.ts#deleteMediaAction": {
    rule: { kind: "owned", own: "media:update:own", any: "media:update:any" },
    successRedirect: /^\/dashboard\/media\?deleted=1$/,
    async prepare({ owner }) {
      const media = await makeMedia(owner);
      return { args: [media.id], touched: () => mediaRow(media.id) };
    },
  },

  // Dashboard: the signed-in person's own notifications --------------------------------------------------------------
  "app/dashboard/notifications/actions.ts#markNotificationAction": {
    rule: { kind: "own-only", permission: "dashboard:access" },
    async prepare({ owner }) {
      const notification = await makeNotification(owner.id, owner);
      return { args: [null, form({ notificationId: notification.id, read: "1" })], touched: () => readAtOf(notification.id) };
    },
  },
  "app/dashboard/notifications/actions.ts#markAllNotificationsReadAction": {
    rule: { kind: "permission", permission: "dashboard:access" },
    async prepare({ actor, owner }) {
      if (actor) await makeNotification(actor.id, owner);
      const others = await makeNotification(owner.id, owner);
      return {
        args: [null, form({ confirm: "all" })],
        // Someone else's unread notification is in the snapshot: marking "all" must never reach it.
        touched: async () => ({ mine: await unreadOf(actor?.id), others: await readAtOf(others.id) }),
        verify: (r) => expectData(r, (count) => count === 1),
      };
    },
  },

  // Dashboard: the signed-in person's own account --------------------------------------------------------------------
  "app/dashboard/profile/actions.ts#updateProfileAction": {
    rule: { kind: "permission", permission: "profile:update:own" },
    async prepare({ actor }) {
      return {
        args: [null, form({ name: `Renamed ${uid()}`, bio: "Covers the city council.", avatarUrl: "" })],
        touched: async () => (actor ? userRow(actor.id) : null),
      };
    },
  },
  "app/dashboard/profile/actions.ts#changePasswordAction": {
    rule: { kind: "permission", permission: "profile:update:own" },
    async prepare({ actor }) {
      return {
        // makeUser's password (tests/support/factories.ts)
        args: [null, form({ currentPassword: "a-long-test-password", password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD })],
        touched: async () => (actor ? userRow(actor.id) : null),
      };
    },
  },
  "app/dashboard/profile/actions.ts#updateNotificationSettingsAction": {
    rule: { kind: "permission", permission: "profile:update:own" },
    async prepare({ actor }) {
      // The box unticked (no field sent): e-mails off, from the default of on.
      return { args: [null, form({ form: "notifications" })], touched: async () => (actor ? rawDb().user.findUnique({ where: { id: actor.id }, select: { emailNotifications: true } }) : null) };
    },
  },
  "app/dashboard/profile/actions.ts#signOutEverywhereAction": {
    rule: { kind: "permission", permission: "profile:update:own" },
    successRedirect: /^\/login\?reason=signed-out-everywhere$/,
    async prepare({ actor }) {
      return { args: [null, form({ confirm: "everywhere" })], touched: async () => (actor ? userRow(actor.id) : null) };
    },
  },
  "app/dashboard/newsletters/actions.ts#createSectionEditionAction": {
    rule: { kind: "permission", permission: "newsletter:send" },
    successRedirect: /^\/dashboard\/newsletters\/[a-z0-9]+$/,
    async prepare() {
      const section = await makeSection();
      return { args: [null, form({ sectionId: section.id })], touched: () => rawDb().edition.count({ where: { sectionId: section.id } }) };
    },
  },
  "app/dashboard/newsletters/actions.ts#sendBreakingAlertAction": {
    rule: { kind: "permission", permission: "newsletter:send" },
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "PUBLISHED" });
      return { args: [null, form({ articleId: article.id })], touched: () => rawDb().edition.count({ where: { kind: "BREAKING", items: { has: article.id } } }) };
    },
  },
  "lib/actions/newsletters.ts#sendAsBreakingAlertAction": {
    rule: { kind: "permission", permission: "newsletter:send" },
    async prepare({ owner }) {
      const article = await makeArticle(owner, { status: "PUBLISHED" });
      return {
        args: [article.id],
        touched: () => rawDb().edition.count({ where: { kind: "BREAKING", items: { has: article.id } } }),
        verify: (r) => expectData(r, (editionId) => typeof editionId === "string" && editionId.length > 0),
      };
    },
  },
  "app/dashboard/newsletters/actions.ts#updateEditionAction": editionCase({ subject: "Rewritten by the authorization matrix", intro: "Hello.", itemsChanged: "0" }),
  "app/dashboard/newsletters/actions.ts#scheduleEditionAction": editionCase({ scheduledFor: nextYearLocal() }),
  "app/dashboard/newsletters/actions.ts#sendEditionNowAction": editionCase({}, /^\/dashboard\/newsletters\/[a-z0-9]+\?sent=0$/),
  "app/dashboard/newsletters/actions.ts#cancelEditionAction": editionCase({}, /^\/dashboard\/newsletters\/[a-z0-9]+\?cancelled=1$/),
  "app/dashboard/newsletters/actions.ts#sendTestEditionAction": {
    rule: { kind: "permission", permission: "newsletter:send" },
    async prepare({ owner }) {
      const edition = await makeEdition(owner);
      return { args: [null, form({ id: edition.id })], touched: () => rawDb().auditLog.count({ where: { action: "newsletter.test", targetId: edition.id } }) };
    },
  },
  "app/admin/subscribers/actions.ts#eraseSubscriberAction": {
    rule: { kind: "permission", permission: "subscriber:manage" },
    async prepare() {
      const subscriber = await rawDb().subscriber.create({ data: { email: `authz-${uid()}@readers.test`, status: "CONFIRMED" }, select: { id: true } });
      return { args: [null, form({ id: subscriber.id })], touched: () => rawDb().subscriber.findUnique({ where: { id: subscriber.id }, select: { id: true } }) };
    },
  },
  "app/admin/subscribers/actions.ts#importSuppressionsAction": {
    rule: { kind: "permission", permission: "subscriber:manage" },
    async prepare() {
      const email = `authz-bounce-${uid()}@readers.test`;
      return { args: [null, form({ addresses: email, kind: "bounce" })], touched: () => rawDb().subscriber.findUnique({ where: { email }, select: { status: true } }) };
    },
  },
};

/** Checks a successful ActionResult's data; throws (failing the run) with what was returned otherwise. */
function expectData<T>(result: unknown, check: (data: T) => boolean): void {
  const data = (result as { data?: T }).data as T;
  if (!check(data)) throw new Error(`unexpected result data: ${JSON.stringify(data)}`);
}
