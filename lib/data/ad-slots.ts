/**
 * The house ad slots: readers' pages list the enabled ones of a placement (cached under "site", like the settings),
 * and admins create, change and delete them; each change expires every public page in its own transaction.
 */
import "server-only";
import type { AdKind, AdPlacement } from "@/lib/generated/prisma/enums";
import { getDb, getPublicReadDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags, publicQuery } from "./cache";
import { NotFoundError } from "./errors";
import type { SessionUser } from "./types";

export const listAdSlots = publicQuery(
  "listAdSlots",
  async (placement: "HEADER" | "IN_ARTICLE" | "SIDEBAR") =>
    getPublicReadDb().adSlot.findMany({
      where: { placement, enabled: true },
      orderBy: { position: "asc" },
      select: { id: true, kind: true, imageUrl: true, linkUrl: true, altText: true, name: true, html: true },
    }),
  { tags: () => [CacheTags.site], buildFallback: [] },
);

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
