/**
 * The house ad slots: readers' pages list the enabled ones of a placement (cached under "site", like the settings),
 * and admins create, change and delete them; each change expires every public page in its own transaction. Before
 * an image ad is saved, checkAdImage asks whether its address shows an image.
 */
import "server-only";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { AdKind, AdPlacement } from "@/lib/generated/prisma/enums";
import { getDb, getPublicReadDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags, publicQuery } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import { contentTypeForKey, isMediaKey, MEDIA_URL_PREFIX } from "@/lib/media/keys";
import { checkRemoteImage, type RemoteImageCheck, type RemoteImageOptions } from "@/lib/media/remote-image";
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

const PUBLIC_IMAGE_TYPES = /\.(?:png|jpe?g|gif|webp|avif|svg|ico)$/i;

/** A path on this site shows an image when it names an image of the media library or an image file in public/. */
async function isOwnImage(pathname: string): Promise<boolean> {
  if (pathname.startsWith(MEDIA_URL_PREFIX)) {
    const key = pathname.slice(MEDIA_URL_PREFIX.length);
    if (!isMediaKey(key) || !contentTypeForKey(key)) return false;
    return (await getDb().media.count({ where: { hash: { startsWith: key.slice(0, 32) } } })) > 0;
  }
  // public/ beside the server: the project root in development, the standalone folder (a copy) in production.
  const file = path.join(process.cwd(), "public", path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, ""));
  return file.startsWith(path.join(process.cwd(), "public") + path.sep) && PUBLIC_IMAGE_TYPES.test(file) && existsSync(file) && statSync(file).isFile();
}

/**
 * Whether an image ad's address shows an image (docs/decisions/0018-readers-and-setup.md): a path on this site is
 * looked up here (media library, public/); an https address elsewhere is asked over the network. Throws
 * DataValidationError on "imageUrl" when the answer is no; an address that could not be asked is "unchecked", and
 * the ad is saved anyway (the admin then sees the preview).
 */
export async function checkAdImage(imageUrl: string, options?: RemoteImageOptions): Promise<RemoteImageCheck> {
  const check: RemoteImageCheck = imageUrl.startsWith("/")
    ? (await isOwnImage(new URL(imageUrl, "http://site.invalid").pathname).catch(() => false))
      ? { status: "image", contentType: "" }
      : { status: "not-image", reason: "there is no image at that address on this site" }
    : await checkRemoteImage(imageUrl, options);
  if (check.status === "not-image") throw new DataValidationError("imageUrl", `That address does not show an image: ${check.reason}.`);
  return check;
}
