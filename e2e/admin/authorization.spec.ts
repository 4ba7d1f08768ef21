/**
 * The admin area's authorization spec: every admin page is refused to editors and journalists (a 403 page) and to
 * signed-out visitors (sent to sign-in); the CSV route answers 403 or sends to sign-in; and every admin action,
 * called in the data layer as an editor or a journalist, throws ForbiddenError and changes nothing.
 *
 * Server actions are thin wrappers (parse, then call the data layer with the signed-in user), so the refusal that
 * matters is the data layer's, which is what is called here.
 */
import { expect, test } from "../support/fixtures";
import { createTestUser, uniqueId, type TestUser } from "../support/factories";
import { testDb } from "../support/db";
import { sessionUserFor, signedInPage } from "../support/admin-helpers";
import { ForbiddenError } from "@/lib/data/errors";
import type { SessionUser } from "@/lib/data/types";
import { listUsers, setUserRole, setUserStatus } from "@/lib/data/users/accounts";
import { createInvitation, listInvitations, resendInvitation, revokeInvitation } from "@/lib/data/invitations";
import { issuePasswordReset } from "@/lib/data/password-resets";
import { createSection, getSectionForAdmin, listSectionsForAdmin, moveSection, updateSection } from "@/lib/data/sections";
import { createTag, getTagForAdmin, listTagsForAdmin, mergeTags, renameTag } from "@/lib/data/tags";
import { createAdSlot, deleteAdSlot, getAdSlotForAdmin, listAdSlotsForAdmin, updateAdSlot } from "@/lib/data/ad-slots";
import { getSettingsForAdmin, updateAdSettings, updateSiteSettings } from "@/lib/data/settings";
import { iterateAuditEntries, listAuditActions, listAuditEntries } from "@/lib/data/audit";
import { createEdition, deleteEdition, getEditionForAdmin, listAddableLanguages, listEditionsForAdmin, setEditionPublic, updateEdition } from "@/lib/data/editions-staff";
import { listSectionTranslations, listTagTranslations, removeSectionTranslation, removeTagTranslation, saveSectionTranslation, saveTagTranslation } from "@/lib/data/name-translations";

type Fixture = { sectionId: string; tagId: string; otherTagId: string; adSlotId: string; invitationId: string; target: TestUser };

/** Rows every refused action would have touched: one of each kind, made by a real admin. */
async function makeFixture(): Promise<Fixture> {
  const admin = await sessionUserFor(await createTestUser("ADMIN"));
  const id = uniqueId();
  const section = await createSection(admin, { name: `Authz ${id}`, slug: `authz-${id}`, description: "" });
  const tag = await createTag(admin, { name: `Authz ${id}`, slug: `authz-${id}` });
  const other = await createTag(admin, { name: `Authz other ${id}`, slug: `authz-other-${id}` });
  // SIDEBAR and disabled: no public page shows it, so this spec cannot change what other specs see.
  const ad = await createAdSlot(admin, { name: `Authz ${id}`, placement: "SIDEBAR", enabled: false, kind: "IMAGE", imageUrl: "/logo.png", linkUrl: "", altText: "Logo", html: "", position: 500 });
  const invitation = await createInvitation(admin, { email: `authz-${id}@e2e.dateline.test`, role: "JOURNALIST" });
  const target = await createTestUser("JOURNALIST");
  return { sectionId: section.id, tagId: tag.id, otherTagId: other.id, adSlotId: ad.id, invitationId: invitation.id, target };
}

function adminPages(f: Fixture): string[] {
  return [
    "/admin",
    "/admin/users",
    "/admin/users?role=ADMIN",
    "/admin/invitations",
    "/admin/sections",
    `/admin/sections/${f.sectionId}`,
    "/admin/tags",
    `/admin/tags/${f.tagId}`,
    "/admin/settings",
    "/admin/settings/ads/new",
    `/admin/settings/ads/${f.adSlotId}`,
    "/admin/audit",
    "/admin/audit?action=auth.sign_in",
    "/admin/editions",
    "/admin/editions/es",
  ];
}

/**
 * Everything the refused calls could change, to compare before and after. Only this spec's own rows (and the
 * settings, which no spec saves) are compared: other specs change other rows in parallel. Section positions are
 * left out for the same reason (a reorder elsewhere renumbers them); the refused actor's audit entries are counted
 * instead, since every change writes one.
 */
async function snapshot(f: Fixture, actorId: string) {
  const db = testDb();
  return {
    users: await db.user.findMany({ where: { id: f.target.id }, select: { role: true, status: true, sessionVersion: true, passwordHash: true } }),
    resets: await db.passwordReset.count({ where: { userId: f.target.id } }),
    invitations: await db.invitation.findMany({ where: { OR: [{ id: f.invitationId }, { email: { startsWith: "authz-refused-" } }] } }),
    section: await db.section.findUnique({ where: { id: f.sectionId }, select: { name: true, slug: true, description: true } }),
    refusedSections: await db.section.count({ where: { name: { startsWith: "Refused " } } }),
    tags: await db.tag.findMany({ where: { OR: [{ id: { in: [f.tagId, f.otherTagId] } }, { name: { startsWith: "Refused " } }] }, orderBy: { id: "asc" } }),
    redirects: await db.slugRedirect.count({ where: { targetId: { in: [f.tagId, f.otherTagId, f.sectionId] } } }),
    ads: await db.adSlot.findMany({ where: { OR: [{ id: f.adSlotId }, { name: "Refused" }] } }),
    settings: await db.settings.findUnique({ where: { id: 1 } }),
    // No spec changes an edition (the editions spec only has changes refused).
    editions: await db.languageEdition.findMany({ orderBy: { id: "asc" } }),
    names: [await db.sectionTranslation.count({ where: { sectionId: f.sectionId } }), await db.tagTranslation.count({ where: { tagId: f.tagId } })],
    auditByActor: await db.auditLog.count({ where: { actorId } }),
  };
}

/** Every admin function of the data layer, as `actor`. */
function adminCalls(actor: SessionUser, f: Fixture): [string, () => Promise<unknown>][] {
  const ad = { name: "Refused", placement: "HEADER" as const, enabled: true, kind: "HTML" as const, imageUrl: "", linkUrl: "", altText: "", html: "<b>refused</b>", position: 0 };
  const edition = { name: "Refused", locale: "en-GB", searchConfig: "simple" as const, position: 0 };
  return [
    ["listUsers", () => listUsers(actor)],
    ["setUserRole", () => setUserRole(actor, f.target.id, "ADMIN")],
    ["setUserStatus", () => setUserStatus(actor, f.target.id, "DEACTIVATED")],
    ["issuePasswordReset", () => issuePasswordReset(actor, f.target.id)],
    ["createInvitation", () => createInvitation(actor, { email: `authz-refused-${uniqueId()}@e2e.dateline.test`, role: "ADMIN" })],
    ["resendInvitation", () => resendInvitation(actor, f.invitationId)],
    ["revokeInvitation", () => revokeInvitation(actor, f.invitationId)],
    ["listInvitations", () => listInvitations(actor)],
    ["listSectionsForAdmin", () => listSectionsForAdmin(actor)],
    ["getSectionForAdmin", () => getSectionForAdmin(actor, f.sectionId)],
    ["createSection", () => createSection(actor, { name: `Refused ${uniqueId()}`, slug: `refused-${uniqueId()}`, description: "" })],
    ["updateSection", () => updateSection(actor, f.sectionId, { name: `Refused ${uniqueId()}`, slug: `refused-${uniqueId()}`, description: "" })],
    ["moveSection", () => moveSection(actor, f.sectionId, "up")],
    ["listTagsForAdmin", () => listTagsForAdmin(actor)],
    ["getTagForAdmin", () => getTagForAdmin(actor, f.tagId)],
    ["createTag", () => createTag(actor, { name: `Refused ${uniqueId()}`, slug: `refused-${uniqueId()}` })],
    ["renameTag", () => renameTag(actor, f.tagId, { name: `Refused ${uniqueId()}`, slug: `refused-${uniqueId()}` })],
    ["mergeTags", () => mergeTags(actor, f.tagId, f.otherTagId)],
    ["getSettingsForAdmin", () => getSettingsForAdmin(actor)],
    ["updateSiteSettings", () => updateSiteSettings(actor, { siteName: "Refused", description: "", logoUrl: null, locale: "en-US", timeZone: "UTC", socialLinks: {} })],
    ["updateAdSettings", () => updateAdSettings(actor, { houseAdEnabled: false, houseAdText: "Refused", houseAdLinkUrl: "", adParagraph: 1 })],
    ["listAdSlotsForAdmin", () => listAdSlotsForAdmin(actor)],
    ["getAdSlotForAdmin", () => getAdSlotForAdmin(actor, f.adSlotId)],
    ["createAdSlot", () => createAdSlot(actor, ad)],
    ["updateAdSlot", () => updateAdSlot(actor, f.adSlotId, ad)],
    ["deleteAdSlot", () => deleteAdSlot(actor, f.adSlotId)],
    ["listAuditEntries", () => listAuditEntries(actor)],
    ["listAuditActions", () => listAuditActions(actor)],
    ["iterateAuditEntries", () => iterateAuditEntries(actor).next()],
    ["listEditionsForAdmin", () => listEditionsForAdmin(actor)],
    ["getEditionForAdmin", () => getEditionForAdmin(actor, "es")],
    ["listAddableLanguages", () => listAddableLanguages(actor)],
    ["createEdition", () => createEdition(actor, { editionId: "es", ...edition })],
    ["updateEdition", () => updateEdition(actor, "es", edition)],
    ["setEditionPublic", () => setEditionPublic(actor, "es", false)],
    ["deleteEdition", () => deleteEdition(actor, "es")],
    ["listSectionTranslations", () => listSectionTranslations(actor, f.sectionId)],
    ["saveSectionTranslation", () => saveSectionTranslation(actor, f.sectionId, "es", { name: "Rechazada", slug: `rechazada-${uniqueId()}`, description: "" })],
    ["removeSectionTranslation", () => removeSectionTranslation(actor, f.sectionId, "es")],
    ["listTagTranslations", () => listTagTranslations(actor, f.tagId)],
    ["saveTagTranslation", () => saveTagTranslation(actor, f.tagId, "es", { name: "Rechazada", slug: `rechazada-${uniqueId()}` })],
    ["removeTagTranslation", () => removeTagTranslation(actor, f.tagId, "es")],
  ];
}

test.describe.configure({ timeout: 120_000 });

let fixture: Fixture;
test.beforeAll(async () => {
  // The invitation's email is written to the log when SMTP is not configured; keep this spec's output readable.
  const info = console.info;
  console.info = () => {};
  try {
    fixture = await makeFixture();
  } finally {
    console.info = info;
  }
});

for (const role of ["EDITOR", "JOURNALIST"] as const) {
  test(`every admin page answers 403 to ${role.toLowerCase()}s`, async ({ page, login }) => {
    await login({ role });
    for (const path of adminPages(fixture)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" }), path).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Admin" }), path).toHaveCount(0);
    }
  });

  test(`the audit CSV export answers 403 to ${role.toLowerCase()}s`, async ({ page, login }) => {
    await login({ role });
    const response = await page.request.get("/admin/audit/export");
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain("auth.sign_in");
  });

  test(`every admin action refuses ${role.toLowerCase()}s in the data layer and changes nothing`, async () => {
    const actor = await sessionUserFor(await createTestUser(role));
    const before = await snapshot(fixture, actor.id);
    for (const [name, call] of adminCalls(actor, fixture)) {
      await expect(call(), name).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot(fixture, actor.id)).toEqual(before);
  });
}

test("signed-out visitors are sent to sign-in from every admin page and from the CSV export", async ({ page }) => {
  for (const path of adminPages(fixture)) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login\?callbackUrl=/);
    await expect(page.getByRole("heading", { name: "Sign in to Dateline" })).toBeVisible();
  }
  const csv = await page.request.get("/admin/audit/export", { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(csv.status());
  expect(csv.headers().location).toMatch(/\/login/);
});

test("an admin's session that was demoted is refused from its next request on", async ({ browser }) => {
  const demoted = await signedInPage(browser, "ADMIN");
  expect((await demoted.page.goto("/admin/users"))?.status()).toBe(200);
  await testDb().user.update({ where: { id: demoted.user.id }, data: { role: "EDITOR" } });
  expect((await demoted.page.goto("/admin/users"))?.status()).toBe(403);
  expect((await demoted.page.request.get("/admin/audit/export")).status()).toBe(403);
  await demoted.close();
});
