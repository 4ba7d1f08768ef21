/**
 * Changes to the media library: upload (validated and processed by lib/media/pipeline.ts, deduplicated by content
 * hash), edit alt text, caption, credit and focal point (from the library, or the first three from the article
 * editor), and delete what no article uses.
 *
 * Any staff member uploads; only the uploader, an editor or an admin edits or deletes (the ownership is part of the
 * query). The text of an image readers see on a published or scheduled story is the desk's (./library.ts
 * lockedMediaText): its uploader may still move its focal point. Files are written to storage only after the
 * pipeline accepted the upload, and removed only after the row's deletion committed.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, can, ForbiddenError } from "@/lib/auth/permissions";
import { isMediaKey, readVariants, type MediaVariant } from "@/lib/media/keys";
import { processImage, regenerateOgCrop } from "@/lib/media/pipeline";
import { getMediaStorage, readStoredFile, type MediaStorage } from "@/lib/media/storage";
import { cleanFilename, type MediaText, type MediaUpdate } from "@/lib/media/validation";
import { writeAudit } from "../audit";
import { articleCacheTags, articleCacheTagsSelect, expirePublicTags } from "../cache";
import { DataValidationError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../transaction";
import type { SessionUser } from "../types";
import { lockedMediaText, usedByWhere } from "./library";

/** Refused deletion: the image is a featured or body image of at least one article. */
export class MediaInUseError extends DataValidationError {
  constructor(public readonly articles: { id: string; headline: string }[]) {
    const names = articles.slice(0, 3).map((a) => `“${a.headline || "Untitled"}”`);
    const more = articles.length > 3 ? ` and ${articles.length - 3} more` : "";
    super(
      "media",
      `This image cannot be deleted: it is used in ${articles.length} ${articles.length === 1 ? "article" : "articles"} (${names.join(", ")}${more}). Remove it from ${articles.length === 1 ? "that article" : "them"} first.`,
    );
    this.name = "MediaInUseError";
  }
}

/** Refused change: the image's text is on a released story's page, and the actor does not edit those live. */
export class MediaShownError extends ForbiddenError {
  constructor() {
    super("article:update:live");
    this.message = "This image appears in a published story; an editor can change its caption, credit and alt text.";
    this.name = "MediaShownError";
  }
}

/** The media rows the actor may change: their own uploads, or every one for the desk. */
function editableWhere(actor: SessionUser): Prisma.MediaWhereInput {
  return can(actor.role, "media:update:any") ? {} : { uploaderId: actor.id };
}

/** Removes stored files, logging (not throwing) failures: the row is already gone or never existed. */
async function removeFiles(storage: MediaStorage, keys: string[]) {
  const results = await Promise.allSettled(keys.filter(isMediaKey).map((key) => storage.delete(key)));
  for (const result of results) if (result.status === "rejected") console.error("[dateline] could not remove a media file", result.reason);
}

/**
 * Validates, processes and stores an upload. Returns the new image, or the existing one when the same file was
 * uploaded before (`duplicate: true`). Throws MediaRejectedError (with the message to show) and stores nothing when
 * the file is not an acceptable image.
 */
export async function uploadMedia(actor: SessionUser, input: { bytes: Buffer; filename: string }, options: { storage?: MediaStorage } = {}) {
  assertCan(actor.role, "media:upload");
  const processed = await processImage(input.bytes);
  const db = getDb();
  const existing = await db.media.findUnique({ where: { hash: processed.hash }, select: { id: true } });
  if (existing) return { id: existing.id, duplicate: true as const };

  const storage = options.storage ?? getMediaStorage();
  await Promise.all(processed.files.map((file) => storage.put(file.key, file.body, file.contentType)));
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.media.create({
        data: {
          uploaderId: actor.id,
          hash: processed.hash,
          storageKey: processed.storageKey,
          filename: cleanFilename(input.filename),
          mimeType: processed.mimeType,
          bytes: processed.bytes,
          width: processed.width,
          height: processed.height,
          variants: processed.variants as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      await writeAudit(tx, { actor, action: "media.upload", targetType: "Media", targetId: row.id, details: { filename: cleanFilename(input.filename), bytes: processed.bytes } });
      return row;
    });
    return { id: created.id, duplicate: false as const };
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The same file was uploaded at the same moment: its files are identical to ours, so keep them and share the row.
      const row = await db.media.findUnique({ where: { hash: processed.hash }, select: { id: true } });
      if (row) return { id: row.id, duplicate: true as const };
    }
    if (!(await db.media.findUnique({ where: { hash: processed.hash }, select: { id: true } }))) {
      await removeFiles(storage, processed.files.map((f) => f.key));
    }
    throw error;
  }
}

/** Published articles that show this image, for expiring their cached pages when it changes. */
async function publishedUsersTags(tx: DbTx, mediaId: string): Promise<string[]> {
  const articles = await tx.article.findMany({ where: { status: "PUBLISHED", ...usedByWhere(mediaId) }, select: articleCacheTagsSelect });
  return articles.flatMap(articleCacheTags);
}

async function findEditable(actor: SessionUser, mediaId: string) {
  if (!can(actor.role, "media:update:any")) assertCan(actor.role, "media:update:own");
  const db = getDb();
  const row = await db.media.findFirst({
    where: { id: mediaId, ...editableWhere(actor) },
    select: { id: true, hash: true, focalX: true, focalY: true, variants: true, alt: true, caption: true, credit: true },
  });
  if (row) return row;
  if (await db.media.findUnique({ where: { id: mediaId }, select: { id: true } })) throw new ForbiddenError("media:update:any");
  throw new NotFoundError("That image");
}

/**
 * Changes alt text, caption, credit and focal point. A new focal point re-renders the Open Graph crop from the stored
 * master (images without one, like the demo files, just keep the numbers). Pages of published articles that show the image are expired in the same transaction.
 */
export async function updateMedia(actor: SessionUser, mediaId: string, input: MediaUpdate, options: { storage?: MediaStorage } = {}) {
  const current = await findEditable(actor, mediaId);
  const storage = options.storage ?? getMediaStorage();
  const variants = readVariants(current.variants);
  const focalChanged = Math.abs(current.focalX - input.focalX) > 1e-6 || Math.abs(current.focalY - input.focalY) > 1e-6;

  let nextVariants: MediaVariant[] = variants;
  let replacedOg: string | null = null;
  let newOg: string | null = null;
  const master = variants.find((v) => v.kind === "master");
  if (focalChanged && master) {
    const bytes = await readStoredFile(storage, master.key);
    if (bytes) {
      const folder = master.key.slice(0, master.key.indexOf("/"));
      const { body, ...og } = await regenerateOgCrop(bytes, folder, { x: input.focalX, y: input.focalY });
      const previous = variants.find((v) => v.kind === "og");
      if (previous?.key !== og.key) {
        await storage.put(og.key, body, "image/jpeg");
        newOg = og.key;
        replacedOg = previous?.key ?? null;
      }
      nextVariants = [...variants.filter((v) => v.kind !== "og"), og];
    }
  }
  try {
    await getDb().$transaction(async (tx) => {
      const textChanged = (["alt", "caption", "credit"] as const).some((k) => current[k] !== input[k]);
      if (textChanged && (await lockedMediaText(tx, actor, [mediaId])).has(mediaId)) throw new MediaShownError();
      const updated = await tx.media.updateMany({
        where: { id: mediaId, ...editableWhere(actor) },
        data: {
          alt: input.alt,
          caption: input.caption,
          credit: input.credit,
          focalX: input.focalX,
          focalY: input.focalY,
          variants: nextVariants as unknown as Prisma.InputJsonValue,
        },
      });
      if (updated.count !== 1) throw new NotFoundError("That image");
      const changed = (["alt", "caption", "credit", "focalX", "focalY"] as const).filter((k) => current[k] !== input[k]);
      await writeAudit(tx, { actor, action: "media.update", targetType: "Media", targetId: mediaId, details: { changed } });
      await expirePublicTags(tx, await publishedUsersTags(tx, mediaId));
    });
  } catch (error) {
    if (newOg) await removeFiles(storage, [newOg]);
    throw error;
  }
  if (replacedOg) await removeFiles(storage, [replacedOg]);
}

/**
 * Changes only an image's alt text, caption and credit, keeping its focal point: what the article editor's featured
 * image edits. Same rules as any change to the image (its uploader or the desk, and only the desk once readers see
 * it), so it changes the library item.
 */
export async function updateMediaText(actor: SessionUser, mediaId: string, input: MediaText) {
  const { focalX, focalY } = await findEditable(actor, mediaId);
  await updateMedia(actor, mediaId, { ...input, focalX, focalY });
}

/** Deletes an image no article uses, and then its files. Refused with MediaInUseError while any article uses it. */
export async function deleteMedia(actor: SessionUser, mediaId: string, options: { storage?: MediaStorage } = {}) {
  const current = await findEditable(actor, mediaId);
  const db = getDb();
  try {
    await db.$transaction(async (tx) => {
      // Serialize with a concurrent save that starts using the image (its foreign key would then refuse us anyway).
      await tx.$executeRaw`SELECT id FROM "Media" WHERE id = ${mediaId} FOR UPDATE`;
      const usedIn = await tx.article.findMany({ where: usedByWhere(mediaId), orderBy: { updatedAt: "desc" }, select: { id: true, headline: true } });
      if (usedIn.length > 0) throw new MediaInUseError(usedIn);
      const deleted = await tx.media.deleteMany({ where: { id: mediaId, ...editableWhere(actor) } });
      if (deleted.count !== 1) throw new NotFoundError("That image");
      await writeAudit(tx, { actor, action: "media.delete", targetType: "Media", targetId: mediaId, details: { hash: current.hash } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      const usedIn = await db.article.findMany({ where: usedByWhere(mediaId), select: { id: true, headline: true } });
      if (usedIn.length > 0) throw new MediaInUseError(usedIn);
    }
    throw error;
  }
  // Content-addressed files: leave them if the same file was uploaded again in the meantime.
  if (await db.media.findUnique({ where: { hash: current.hash }, select: { id: true } })) return;
  await removeFiles(options.storage ?? getMediaStorage(), readVariants(current.variants).map((v) => v.key));
}
