import { describe, expect, it } from "vitest";
import { checkAdImage, createAdSlot, deleteAdSlot, listAdSlots, listAdSlotsForAdmin, updateAdSlot } from "@/lib/data/ad-slots";
import { getSettingsForAdmin, getSiteSettings, updateAdSettings, updateSiteSettings } from "@/lib/data/settings";
import { DataValidationError, ForbiddenError } from "@/lib/data/errors";
import { AdSettingsSchema, AdSlotSchema, SiteSettingsSchema, isSafeWebUrl } from "@/lib/validation/admin";
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
      // Readers' pages get the links too (the site footer).
      expect((await getSiteSettings()).socialLinks).toEqual({ x: "https://x.com/dateline" });
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

describe("ad settings", () => {
  it("turn the house message on and off, move the in-article slot, and are audited", async () => {
    const admin = await makeUser("ADMIN");
    const original = await getSettingsForAdmin(admin);
    try {
      await updateAdSettings(admin, { houseAdEnabled: true, houseAdText: "Advertise here", houseAdLinkUrl: "/advertise", adParagraph: 5 });
      expect(await getSiteSettings()).toMatchObject({ houseAd: { text: "Advertise here", linkUrl: "/advertise" }, adParagraph: 5 });
      await updateAdSettings(admin, { houseAdEnabled: false, houseAdText: "Advertise here", houseAdLinkUrl: "/advertise", adParagraph: 5 });
      expect((await getSiteSettings()).houseAd).toBeNull();
      const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "settings.update", actorId: admin.id }, orderBy: { createdAt: "desc" } });
      expect(audit.details).toEqual({ changed: ["houseAdEnabled"], houseAdEnabled: false });
    } finally {
      if (original.updatedAt === null) await rawDb().settings.deleteMany({ where: { id: 1 } });
      else await updateAdSettings(admin, original);
    }
  });

  it("require a message while it is on, a safe link and a paragraph from 1 to 20", () => {
    const base = { houseAdEnabled: true, houseAdText: "Hi", houseAdLinkUrl: "", adParagraph: "3" };
    expect(AdSettingsSchema.parse(base).adParagraph).toBe(3);
    const paths = (input: object) => AdSettingsSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.path.join("."));
    expect(paths({ houseAdText: "" })).toEqual(["houseAdText"]);
    expect(paths({ houseAdText: "", houseAdEnabled: false })).toBeUndefined();
    expect(paths({ houseAdLinkUrl: "javascript:alert(1)" })).toEqual(["houseAdLinkUrl"]);
    expect(paths({ adParagraph: "0" })).toEqual(["adParagraph"]);
    expect(paths({ adParagraph: "21" })).toEqual(["adParagraph"]);
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
    // Images over https only: the site's pages do not load http images.
    expect(AdSlotSchema.safeParse({ ...base, imageUrl: "http://example.test/a.png", altText: "Subscribe" }).error?.issues[0]?.path).toEqual(["imageUrl"]);
    expect(AdSlotSchema.safeParse({ ...base, imageUrl: "https://example.test/a.png", altText: "Subscribe" }).success).toBe(true);
  });

  it("checks that an image ad's address shows an image: on this site by looking, elsewhere by asking", async () => {
    const refusal = (url: string, options?: Parameters<typeof checkAdImage>[1]) => checkAdImage(url, options).then(() => null, (error: unknown) => error);
    expect(await checkAdImage("/logo.png")).toMatchObject({ status: "image" });
    for (const missing of ["/no-such-image.png", "/feed.xml", "/../package.json", "/%2e%2e/package.json", "/media/not-a-key.png"]) {
      const error = await refusal(missing);
      expect(error, missing).toBeInstanceOf(DataValidationError);
      expect((error as DataValidationError).field).toBe("imageUrl");
    }
    const hash = Array.from({ length: 64 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
    const uploader = await makeUser("JOURNALIST");
    await rawDb().media.create({ data: { uploaderId: uploader.id, hash, storageKey: `${hash.slice(0, 32)}-10x10/w320.webp`, filename: "a.png", mimeType: "image/png", bytes: 1, width: 10, height: 10 } });
    expect(await checkAdImage(`/media/${hash.slice(0, 32)}-10x10/w320.webp`)).toMatchObject({ status: "image" });

    const publicHost = { lookup: async () => ["93.184.216.34"] };
    const answering = (contentType: string, status = 200) => ({ ...publicHost, fetch: (async () => new Response("x", { status, headers: { "content-type": contentType } })) as typeof fetch });
    expect(await checkAdImage("https://cdn.example.test/a.png", answering("image/png"))).toEqual({ status: "image", contentType: "image/png" });
    expect(((await refusal("https://cdn.example.test/a.png", answering("text/html; charset=utf-8"))) as Error).message).toBe(
      "That address does not show an image: its server answers with text/html, not an image.",
    );
    expect(((await refusal("https://cdn.example.test/a.png", answering("text/plain", 404))) as Error).message).toMatch(/answers 404/);
    // No answer: saved anyway, as unchecked.
    const silent = { ...publicHost, fetch: (async () => Promise.reject(new TypeError("fetch failed"))) as typeof fetch };
    expect(await checkAdImage("https://cdn.example.test/a.png", silent)).toMatchObject({ status: "unchecked" });
  });

  it("creates, changes and deletes ad slots, each audited and expiring the site", async () => {
    const admin = await makeUser("ADMIN");
    const name = `Test slot ${uid()}`;
    // Data-layer tests run on their own database: what this slot changes, only this file sees.
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
      await expect(updateAdSettings(actor, { houseAdEnabled: true, houseAdText: "Hijacked", houseAdLinkUrl: "", adParagraph: 1 })).rejects.toBeInstanceOf(ForbiddenError);
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
