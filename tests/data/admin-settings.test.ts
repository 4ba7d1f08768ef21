import { describe, expect, it } from "vitest";
import { createAdSlot, deleteAdSlot, listAdSlots, listAdSlotsForAdmin, updateAdSlot } from "@/lib/data/ad-slots";
import { getSettingsForAdmin, getSiteSettings, updateSiteSettings } from "@/lib/data/settings";
import { ForbiddenError } from "@/lib/data/errors";
import { AdSlotSchema, SiteSettingsSchema, isSafeWebUrl } from "@/lib/validation/admin";
import { makeUser, rawDb, uid } from "../support/factories";

const validSettings = {
  siteName: "Dateline",
  description: "News from the north.",
  logoUrl: "",
  locale: "es-mx",
  timeZone: "America/Monterrey",
  socialLinks: { x: "https://x.com/dateline", facebook: "", instagram: "", linkedin: "", youtube: "", tiktok: "", whatsapp: "" },
};

describe("site settings", () => {
  it("validates locale, time zone and links with clear messages", () => {
    const ok = SiteSettingsSchema.parse(validSettings);
    expect(ok.locale).toBe("es-MX");
    expect(ok.logoUrl).toBeNull();
    const bad = SiteSettingsSchema.safeParse({ ...validSettings, locale: "not a locale", timeZone: "Mars/Olympus_Mons", logoUrl: "javascript:alert(1)" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["locale", "timeZone", "logoUrl"]));
    expect(SiteSettingsSchema.safeParse({ ...validSettings, socialLinks: { ...validSettings.socialLinks, x: "/relative" } }).success).toBe(false);
    expect(isSafeWebUrl("//evil.example")).toBe(false);
    expect(isSafeWebUrl("/logo.png")).toBe(true);
    expect(isSafeWebUrl("data:text/html,hi")).toBe(false);
  });

  it("saves settings, audits what changed and expires every public page", async () => {
    const admin = await makeUser("ADMIN");
    const original = await getSettingsForAdmin(admin);
    const before = new Date(Date.now() - 1000);
    try {
      await updateSiteSettings(admin, { ...original, description: `Changed ${uid()}`, socialLinks: { x: "https://x.com/dateline" } });
      expect((await getSiteSettings()).description).toMatch(/^Changed /);
      expect((await getSettingsForAdmin(admin)).socialLinks).toEqual({ x: "https://x.com/dateline" });
      const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "settings.update", actorId: admin.id } });
      expect(audit.details).toMatchObject({ changed: ["description", "socialLinks"] });
      expect(await rawDb().cacheTag.findFirst({ where: { tag: "site", expiredAt: { gte: before } } })).not.toBeNull();
    } finally {
      // Leave the settings as other test files found them (the row may not have existed).
      if (original.updatedAt === null) await rawDb().settings.deleteMany({ where: { id: 1 } });
      else await updateSiteSettings(admin, original);
    }
  });
});

describe("ad slots", () => {
  it("requires an image, its description and safe links for image ads, and a snippet for HTML ads", () => {
    const base = { name: "Banner", placement: "HEADER", enabled: true, kind: "IMAGE", imageUrl: "", linkUrl: "", altText: "", html: "", position: "0" };
    const image = AdSlotSchema.safeParse(base);
    expect(image.error?.issues.map((i) => i.path.join("."))).toEqual(["imageUrl", "altText"]);
    expect(AdSlotSchema.safeParse({ ...base, imageUrl: "/ads/a.png", altText: "Subscribe", linkUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(AdSlotSchema.safeParse({ ...base, imageUrl: "/ads/a.png", altText: "Subscribe", linkUrl: "https://example.test" }).success).toBe(true);
    expect(AdSlotSchema.safeParse({ ...base, kind: "HTML" }).error?.issues[0]?.path).toEqual(["html"]);
    expect(AdSlotSchema.safeParse({ ...base, placement: "FOOTER" }).success).toBe(false);
  });

  it("creates, changes and deletes ad slots, each audited and expiring the site", async () => {
    const admin = await makeUser("ADMIN");
    const name = `Test slot ${uid()}`;
    // SIDEBAR: not rendered by any public page yet, so this test cannot change what other tests see.
    const slot = await createAdSlot(admin, { name, placement: "SIDEBAR", enabled: true, kind: "HTML", imageUrl: "x", linkUrl: "", altText: "", html: "<p>Hi</p>", position: 5 });
    expect(slot).toMatchObject({ kind: "HTML", html: "<p>Hi</p>", imageUrl: "" });
    // The public list carries the snippet itself: the page passes it to the ad slot component.
    expect((await listAdSlots("SIDEBAR")).find((a) => a.id === slot.id)).toMatchObject({ kind: "HTML", html: "<p>Hi</p>" });

    await updateAdSlot(admin, slot.id, { name, placement: "SIDEBAR", enabled: false, kind: "IMAGE", imageUrl: "/logo.png", linkUrl: "", altText: "Logo", html: "<p>Hi</p>", position: 5 });
    expect((await listAdSlots("SIDEBAR")).map((a) => a.id)).not.toContain(slot.id);
    expect((await rawDb().adSlot.findUniqueOrThrow({ where: { id: slot.id } })).html).toBe("");

    await deleteAdSlot(admin, slot.id);
    expect(await rawDb().adSlot.findUnique({ where: { id: slot.id } })).toBeNull();
    const actions = (await rawDb().auditLog.findMany({ where: { targetId: slot.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["ad_slot.create", "ad_slot.update", "ad_slot.delete"]);
  });

  it("refuses editors and journalists without changing anything", async () => {
    const admin = await makeUser("ADMIN");
    const slot = await createAdSlot(admin, { name: `Guarded ${uid()}`, placement: "SIDEBAR", enabled: false, kind: "IMAGE", imageUrl: "/logo.png", linkUrl: "", altText: "Logo", html: "", position: 9 });
    const settingsBefore = await rawDb().settings.findUnique({ where: { id: 1 } });
    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      const actor = await makeUser(role);
      await expect(getSettingsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateSiteSettings(actor, { siteName: "Hijacked", description: "", logoUrl: null, locale: "en-US", timeZone: "UTC", socialLinks: {} })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createAdSlot(actor, { name: "Evil", placement: "HEADER", enabled: true, kind: "HTML", imageUrl: "", linkUrl: "", altText: "", html: "<b>x</b>", position: 0 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateAdSlot(actor, slot.id, { name: "Evil", placement: "HEADER", enabled: true, kind: "HTML", imageUrl: "", linkUrl: "", altText: "", html: "<b>x</b>", position: 0 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteAdSlot(actor, slot.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAdSlotsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rawDb().settings.findUnique({ where: { id: 1 } })).toEqual(settingsBefore);
    expect(await rawDb().adSlot.findUniqueOrThrow({ where: { id: slot.id } })).toMatchObject({ name: slot.name, enabled: false });
    await deleteAdSlot(admin, slot.id);
  });
});
