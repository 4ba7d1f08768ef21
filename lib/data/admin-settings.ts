/**
 * Site settings (the single Settings row, id 1) and the house ad slots, as admins change them. Everything here is
 * on every public page, so each change expires the "site" cache tag in its own transaction, and is audited with
 * what changed.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AdKind, AdPlacement } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags } from "./cache";
import { NotFoundError } from "./errors";
import type { SessionUser } from "./types";

/** The social networks the site links to; values are profile URLs. */
export const SOCIAL_NETWORKS = ["x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "whatsapp"] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
export type SocialLinks = Partial<Record<SocialNetwork, string>>;

export type SiteSettingsInput = {
  siteName: string;
  description: string;
  logoUrl: string | null;
  locale: string;
  timeZone: string;
  socialLinks: SocialLinks;
};

const DEFAULTS: SiteSettingsInput = {
  siteName: "Dateline",
  description: "",
  logoUrl: null,
  locale: "en-US",
  timeZone: "America/Monterrey",
  socialLinks: {},
};

function readSocialLinks(value: Prisma.JsonValue): SocialLinks {
  const links: SocialLinks = {};
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const network of SOCIAL_NETWORKS) {
      const url = (value as Record<string, unknown>)[network];
      if (typeof url === "string" && url) links[network] = url;
    }
  }
  return links;
}

export async function getSettingsForAdmin(actor: SessionUser): Promise<SiteSettingsInput & { updatedAt: Date | null }> {
  assertCan(actor.role, "settings:manage");
  const row = await getDb().settings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULTS, updatedAt: null };
  return {
    siteName: row.siteName,
    description: row.description,
    logoUrl: row.logoUrl,
    locale: row.locale,
    timeZone: row.timeZone,
    socialLinks: readSocialLinks(row.socialLinks),
    updatedAt: row.updatedAt,
  };
}

export async function updateSiteSettings(actor: SessionUser, input: SiteSettingsInput) {
  assertCan(actor.role, "settings:manage");
  return getDb().$transaction(async (tx) => {
    const before = await tx.settings.findUnique({ where: { id: 1 } });
    const previous: SiteSettingsInput = before
      ? { ...before, socialLinks: readSocialLinks(before.socialLinks) }
      : DEFAULTS;
    const data = {
      siteName: input.siteName,
      description: input.description,
      logoUrl: input.logoUrl,
      locale: input.locale,
      timeZone: input.timeZone,
      socialLinks: input.socialLinks as Prisma.InputJsonObject,
    };
    const saved = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const changed = (["siteName", "description", "logoUrl", "locale", "timeZone", "socialLinks"] as const).filter(
      (key) => JSON.stringify(previous[key] ?? null) !== JSON.stringify(input[key] ?? null),
    );
    await writeAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "Settings",
      targetId: "1",
      details: { changed, ...Object.fromEntries(changed.filter((k) => k !== "socialLinks").map((k) => [k, input[k] ?? null])) },
    });
    await expirePublicTags(tx, [CacheTags.site]);
    return saved;
  });
}

export type AdSlotInput = {
  name: string;
  placement: AdPlacement;
  enabled: boolean;
  kind: AdKind;
  imageUrl: string;
  linkUrl: string;
  altText: string;
  html: string;
  position: number;
};

const adSelect = {
  id: true,
  name: true,
  placement: true,
  enabled: true,
  kind: true,
  imageUrl: true,
  linkUrl: true,
  altText: true,
  html: true,
  position: true,
  updatedAt: true,
} as const;

export async function listAdSlotsForAdmin(actor: SessionUser) {
  assertCan(actor.role, "settings:manage");
  return getDb().adSlot.findMany({ orderBy: [{ placement: "asc" }, { position: "asc" }, { createdAt: "asc" }], select: adSelect });
}

export async function getAdSlotForAdmin(actor: SessionUser, id: string) {
  assertCan(actor.role, "settings:manage");
  return getDb().adSlot.findUnique({ where: { id }, select: adSelect });
}

/** Only the fields of the slot's kind are kept, so a slot switched from HTML to image leaves no snippet behind. */
function adData(input: AdSlotInput) {
  const common = { name: input.name, placement: input.placement, enabled: input.enabled, kind: input.kind, position: input.position };
  return input.kind === "IMAGE"
    ? { ...common, imageUrl: input.imageUrl, linkUrl: input.linkUrl, altText: input.altText, html: "" }
    : { ...common, imageUrl: "", linkUrl: "", altText: "", html: input.html };
}

function adAuditDetails(input: AdSlotInput) {
  return { name: input.name, placement: input.placement, enabled: input.enabled, kind: input.kind, position: input.position };
}

export async function createAdSlot(actor: SessionUser, input: AdSlotInput) {
  assertCan(actor.role, "settings:manage");
  return getDb().$transaction(async (tx) => {
    const slot = await tx.adSlot.create({ data: adData(input), select: adSelect });
    await writeAudit(tx, { actor, action: "ad_slot.create", targetType: "AdSlot", targetId: slot.id, details: adAuditDetails(input) });
    await expirePublicTags(tx, [CacheTags.site]);
    return slot;
  });
}

export async function updateAdSlot(actor: SessionUser, id: string, input: AdSlotInput) {
  assertCan(actor.role, "settings:manage");
  return getDb().$transaction(async (tx) => {
    const before = await tx.adSlot.findUnique({ where: { id }, select: { id: true } });
    if (!before) throw new NotFoundError("That ad slot");
    const slot = await tx.adSlot.update({ where: { id }, data: adData(input), select: adSelect });
    await writeAudit(tx, { actor, action: "ad_slot.update", targetType: "AdSlot", targetId: id, details: adAuditDetails(input) });
    await expirePublicTags(tx, [CacheTags.site]);
    return slot;
  });
}

export async function deleteAdSlot(actor: SessionUser, id: string) {
  assertCan(actor.role, "settings:manage");
  await getDb().$transaction(async (tx) => {
    const slot = await tx.adSlot.findUnique({ where: { id }, select: { id: true, name: true, placement: true } });
    if (!slot) throw new NotFoundError("That ad slot");
    await tx.adSlot.delete({ where: { id } });
    await writeAudit(tx, { actor, action: "ad_slot.delete", targetType: "AdSlot", targetId: id, details: { name: slot.name, placement: slot.placement } });
    await expirePublicTags(tx, [CacheTags.site]);
  });
}
