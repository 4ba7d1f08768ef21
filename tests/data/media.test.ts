/**
 * The media library's data layer on the real test database and a real (temporary) storage folder: uploads store
 * files and a row, refused files store nothing, duplicates share a row, roles decide who edits and deletes, an image
 * in use cannot be deleted, the text readers see on a released story is the desk's, and alt text is what the publish
 * checklist asks for.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ForbiddenError, WorkflowError } from "@/lib/data/errors";
import { deleteMedia, MediaInUseError, MediaShownError, updateMedia, updateMediaText, uploadMedia } from "@/lib/data/media/changes";
import { getMediaDetail, listMedia, listMediaForPicker, listMediaUploaders } from "@/lib/data/media/library";
import { publishArticle } from "@/lib/data/articles/workflow";
import { MediaRejectedError, REJECTION_MESSAGES } from "@/lib/media/errors";
import { readVariants } from "@/lib/media/keys";
import { EXIF_SECRET, makeCorruptJpeg, makeImage, makePhotoWithExif, makePngBomb, makeSvg, makeTextFile } from "../../e2e/support/media-files";
import { makeArticle, makeUser, rawDb, uid } from "../support/factories";

// lib/env.ts reads this on first use: this file's uploads go to a throwaway folder, never .data/.
const storageDir = mkdtempSync(path.join(tmpdir(), "dateline-media-test-"));
process.env.MEDIA_LOCAL_DIR = storageDir;
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

function storedFiles(): string[] {
  if (!existsSync(storageDir)) return [];
  return readdirSync(storageDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)));
}

const detailsOf = async (id: string) => rawDb().media.findUniqueOrThrow({ where: { id } });
const keep = { caption: "", credit: "", focalX: 0.5, focalY: 0.5 };

describe("upload", () => {
  it.each(["jpeg", "png", "webp", "avif", "gif"] as const)("stores a %s with its variants, for any staff member", async (format) => {
    const journalist = await makeUser("JOURNALIST");
    const { id, duplicate } = await uploadMedia(journalist, { bytes: await makeImage(format, { width: 900, height: 600 }), filename: `../photo.${format}` });
    expect(duplicate).toBe(false);
    const row = await detailsOf(id);
    expect(row).toMatchObject({ uploaderId: journalist.id, filename: `photo.${format}`, mimeType: `image/${format}`, width: 900, height: 600, alt: "" });
    const variants = readVariants(row.variants);
    expect(variants.filter((v) => v.kind === "responsive").map((v) => `${v.format}:${v.width}`).sort()).toEqual(["avif:320", "avif:640", "avif:900", "webp:320", "webp:640", "webp:900"]);
    for (const v of variants) expect(existsSync(path.join(storageDir, v.key))).toBe(true);
    expect(row.storageKey).toBe(`media/${variants.find((v) => v.kind === "responsive" && v.format === "webp" && v.width === 900)!.key}`);
    expect(await rawDb().auditLog.count({ where: { action: "media.upload", targetId: id, actorId: journalist.id } })).toBe(1);
  });

  it("refuses each hostile input with its message and stores nothing", async () => {
    const journalist = await makeUser("JOURNALIST");
    const cases: [string, Buffer, string][] = [
      ["notes.jpg", makeTextFile(), REJECTION_MESSAGES.text],
      ["logo.svg", makeSvg(), REJECTION_MESSAGES.svg],
      ["broken.jpg", await makeCorruptJpeg(), REJECTION_MESSAGES.corrupt],
      ["bomb.png", makePngBomb(), REJECTION_MESSAGES["too-many-pixels"]],
    ];
    const filesBefore = storedFiles().length;
    for (const [filename, bytes, message] of cases) {
      const attempt = uploadMedia(journalist, { bytes, filename });
      await expect(attempt).rejects.toBeInstanceOf(MediaRejectedError);
      await expect(attempt).rejects.toThrow(message);
      expect(await rawDb().media.count({ where: { filename } })).toBe(0);
    }
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(await rawDb().auditLog.count({ where: { action: "media.upload", actorId: journalist.id } })).toBe(0);
  });

  it("stores no EXIF or location, and keeps the photo upright", async () => {
    const journalist = await makeUser("JOURNALIST");
    const { id } = await uploadMedia(journalist, { bytes: await makePhotoWithExif({ width: 120, height: 60 }), filename: "phone.jpg" });
    const row = await detailsOf(id);
    expect([row.width, row.height]).toEqual([60, 120]);
    for (const v of readVariants(row.variants)) {
      expect(readFileSync(path.join(storageDir, v.key)).includes(Buffer.from(EXIF_SECRET))).toBe(false);
    }
  });

  it("deduplicates by content: the same file twice is one image", async () => {
    const [a, b] = [await makeUser("JOURNALIST"), await makeUser("EDITOR")];
    const bytes = await makeImage("png", { seed: Date.now() });
    const first = await uploadMedia(a, { bytes, filename: "one.png" });
    const second = await uploadMedia(b, { bytes, filename: "two.png" });
    expect(second).toEqual({ id: first.id, duplicate: true });
    expect(await rawDb().media.count({ where: { id: first.id } })).toBe(1);
    expect((await detailsOf(first.id)).filename).toBe("one.png");
  });
});

async function uploaded(owner: Awaited<ReturnType<typeof makeUser>>, extra: { filename?: string; width?: number } = {}) {
  const bytes = await makeImage("jpeg", { width: extra.width ?? 400, height: 300 });
  return (await uploadMedia(owner, { bytes, filename: extra.filename ?? `image-${uid()}.jpg` })).id;
}

describe("editing and roles", () => {
  it("lets the uploader, editors and admins edit; not another journalist", async () => {
    const owner = await makeUser("JOURNALIST");
    const other = await makeUser("JOURNALIST");
    const id = await uploaded(owner);
    await expect(updateMedia(other, id, { alt: "Hijacked", ...keep })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteMedia(other, id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await detailsOf(id)).alt).toBe("");
    expect((await getMediaDetail(other, id)).canEdit).toBe(false);

    await updateMedia(owner, id, { alt: "Rain over the Santa Catarina river", caption: "Tuesday's storm.", credit: "Photo: A. Reporter", focalX: 0.5, focalY: 0.5 });
    expect(await detailsOf(id)).toMatchObject({ alt: "Rain over the Santa Catarina river", caption: "Tuesday's storm.", credit: "Photo: A. Reporter" });
    for (const role of ["EDITOR", "ADMIN"] as const) {
      const desk = await makeUser(role);
      expect((await getMediaDetail(desk, id)).canEdit).toBe(true);
      await updateMedia(desk, id, { alt: `Checked by ${role}`, ...keep });
      expect((await detailsOf(id)).alt).toBe(`Checked by ${role}`);
    }
    expect(await rawDb().auditLog.count({ where: { action: "media.update", targetId: id } })).toBe(3);
  });

  it("re-crops the Open Graph image when the focal point moves, and removes the old crop", async () => {
    const owner = await makeUser("JOURNALIST");
    const id = await uploaded(owner, { width: 1000 });
    const ogBefore = readVariants((await detailsOf(id)).variants).find((v) => v.kind === "og")!;
    await updateMedia(owner, id, { alt: "x", ...keep, focalX: 0.1, focalY: 0.9 });
    const row = await detailsOf(id);
    const ogAfter = readVariants(row.variants).find((v) => v.kind === "og")!;
    expect([row.focalX, row.focalY]).toEqual([0.1, 0.9]);
    expect(ogAfter.key).not.toBe(ogBefore.key);
    expect(existsSync(path.join(storageDir, ogAfter.key))).toBe(true);
    expect(existsSync(path.join(storageDir, ogBefore.key))).toBe(false);
    expect(readVariants(row.variants)).toHaveLength(readVariants((await detailsOf(id)).variants).length);
  });

  it("expires the pages of published articles that show the image", async () => {
    const editor = await makeUser("EDITOR");
    const id = await uploaded(editor);
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    await rawDb().article.update({ where: { id: article.id }, data: { featuredImageId: id, mediaUsages: { create: { mediaId: id } } } });
    const before = new Date(Date.now() - 1000);
    await updateMedia(editor, id, { alt: "New alt text", ...keep });
    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toContain(`article:${article.slug}`);
  });
});

// Review rv-data: the featured image's alt text, caption and credit are the library item's, which its uploader could
// change, and the change went to readers at once on every published story showing it, stories the journalist does
// not write included, with no desk review (docs/decisions/0014-pending-updates.md).
describe("an image readers see on a released story", () => {
  /** A library row without files, as the demo seed makes them: no pipeline, no crop to redo. */
  const photo = async (uploaderId: string) => {
    const hash = randomBytes(32).toString("hex");
    return rawDb().media.create({
      data: { uploaderId, hash, storageKey: `${hash.slice(0, 32)}-10x10/w320.webp`, filename: "flood.jpg", mimeType: "image/jpeg", bytes: 1, width: 10, height: 10, alt: "Flooded street", caption: "Flooding on Main St.", credit: "J. Doe" },
    });
  };
  const text = (caption: string) => ({ alt: "Flooded street", caption, credit: "J. Doe" });

  it("does not change its caption before readers on a journalist's say-so", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const image = await photo(journalist.id);
    // The desk's story (the journalist is not on it), published with the journalist's photo.
    const story = await makeArticle(editor, { status: "PUBLISHED" });
    await rawDb().article.update({ where: { id: story.id }, data: { featuredImageId: image.id } });

    const attempt = updateMediaText(journalist, image.id, { alt: "Flooded street", caption: "Something readers should not see", credit: "Nobody" });
    await expect(attempt).rejects.toBeInstanceOf(MediaShownError);
    await expect(attempt).rejects.toThrow("This image appears in a published story; an editor can change its caption, credit and alt text.");

    const shown = await rawDb().article.findUniqueOrThrow({ where: { id: story.id }, select: { featuredImage: { select: { caption: true, credit: true } } } });
    expect(shown.featuredImage).toEqual({ caption: "Flooding on Main St.", credit: "J. Doe" });
    expect((await getMediaDetail(journalist, image.id)).canEditText).toBe(false);
    // The editor's featured image details (its picker's canEdit) say so too.
    const picked = async (who: typeof journalist) => (await listMediaForPicker(who, { include: image.id })).find((m) => m.id === image.id)?.canEdit;
    expect(await picked(journalist)).toBe(false);
    expect(await picked(editor)).toBe(true);
  });

  it("is refused on the uploader's own scheduled story too, while its focal point still moves; editors and admins change the text", async () => {
    const journalist = await makeUser("JOURNALIST");
    const image = await photo(journalist.id);
    const story = await makeArticle(journalist, { status: "SCHEDULED" });
    await rawDb().article.update({ where: { id: story.id }, data: { featuredImageId: image.id, scheduledAt: new Date(Date.now() + 3_600_000) } });

    await expect(updateMedia(journalist, image.id, { ...text("Changed before it goes out"), focalX: 0.5, focalY: 0.5 })).rejects.toBeInstanceOf(ForbiddenError);
    await updateMedia(journalist, image.id, { ...text("Flooding on Main St."), focalX: 0.2, focalY: 0.3 });
    expect(await detailsOf(image.id)).toMatchObject({ caption: "Flooding on Main St.", focalX: 0.2, focalY: 0.3 });

    for (const role of ["EDITOR", "ADMIN"] as const) {
      const desk = await makeUser(role);
      expect((await getMediaDetail(desk, image.id)).canEditText).toBe(true);
      await updateMediaText(desk, image.id, text(`Checked by ${role}`));
      expect((await detailsOf(image.id)).caption).toBe(`Checked by ${role}`);
    }
  });

  it("stays the uploader's to change while only a draft or a pending update shows it", async () => {
    const journalist = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const image = await photo(journalist.id);
    const draft = await makeArticle(journalist);
    const published = await makeArticle(editor, { status: "PUBLISHED" });
    await rawDb().article.update({ where: { id: draft.id }, data: { featuredImageId: image.id } });
    await rawDb().pendingUpdate.create({ data: { articleId: published.id, headline: published.headline, body: published.body as object, featuredImageId: image.id, tagIds: [], lastEditedById: journalist.id } });

    expect((await getMediaDetail(journalist, image.id)).canEditText).toBe(true);
    expect((await listMediaForPicker(journalist, { include: image.id })).find((m) => m.id === image.id)?.canEdit).toBe(true);
    await updateMediaText(journalist, image.id, text("Flooding on Main St. on Tuesday."));
    expect((await detailsOf(image.id)).caption).toBe("Flooding on Main St. on Tuesday.");
  });
});

describe("delete", () => {
  it("is refused while an article uses the image, as featured or in the body, and works once nothing does", async () => {
    const owner = await makeUser("JOURNALIST");
    const editor = await makeUser("EDITOR");
    const id = await uploaded(owner);
    const keys = readVariants((await detailsOf(id)).variants).map((v) => v.key);

    const featuring = await makeArticle(owner, { headline: `Featuring ${uid()}` });
    await rawDb().article.update({ where: { id: featuring.id }, data: { featuredImageId: id } });
    const attempt = deleteMedia(editor, id);
    await expect(attempt).rejects.toBeInstanceOf(MediaInUseError);
    await expect(attempt).rejects.toThrow(/used in 1 article \(“Featuring/);
    await rawDb().article.update({ where: { id: featuring.id }, data: { featuredImageId: null } });

    const inBody = await makeArticle(owner);
    await rawDb().mediaUsage.create({ data: { mediaId: id, articleId: inBody.id } });
    await expect(deleteMedia(owner, id)).rejects.toBeInstanceOf(MediaInUseError);
    expect((await getMediaDetail(owner, id)).usedIn.map((a) => a.id)).toEqual([inBody.id]);
    expect(await rawDb().media.count({ where: { id } })).toBe(1);
    for (const key of keys) expect(existsSync(path.join(storageDir, key))).toBe(true);

    await rawDb().mediaUsage.deleteMany({ where: { mediaId: id } });
    await deleteMedia(owner, id);
    expect(await rawDb().media.count({ where: { id } })).toBe(0);
    for (const key of keys) expect(existsSync(path.join(storageDir, key))).toBe(false);
    expect(await rawDb().auditLog.count({ where: { action: "media.delete", targetId: id } })).toBe(1);
  });
});

describe("the library list", () => {
  it("searches file name, alt text, caption and credit; filters by uploader and date; pages", async () => {
    const tag = uid();
    const [ana, ben] = [await makeUser("JOURNALIST", `Ana ${tag}`), await makeUser("JOURNALIST", `Ben ${tag}`)];
    const a = await uploaded(ana, { filename: `harbor-${tag}.jpg` });
    const b = await uploaded(ben);
    const c = await uploaded(ben);
    await updateMedia(ben, b, { alt: `Cranes at dawn ${tag}`, caption: "", credit: "", focalX: 0.5, focalY: 0.5 });
    await updateMedia(ben, c, { alt: "", caption: `Market day ${tag}`, credit: `Photo: Agency ${tag}`, focalX: 0.5, focalY: 0.5 });
    const ids = async (filters: Parameters<typeof listMedia>[1]) => (await listMedia(ana, filters)).items.map((m) => m.id);

    expect(await ids({ q: `HARBOR-${tag}` })).toEqual([a]);
    expect(await ids({ q: `cranes at dawn ${tag}` })).toEqual([b]);
    expect(await ids({ q: `Market day ${tag}` })).toEqual([c]);
    expect(await ids({ q: `Agency ${tag}` })).toEqual([c]);
    expect(await ids({ q: tag, uploaderId: ben.id })).toEqual([c, b]);
    expect(await ids({ uploaderId: ana.id })).toEqual([a]);
    expect(await ids({ uploaderId: ana.id, from: new Date(Date.now() + 86_400_000) })).toEqual([]);
    expect(await ids({ uploaderId: ana.id, from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) })).toEqual([a]);

    const first = await listMedia(ana, { uploaderId: ben.id, perPage: 1, page: 1 });
    const second = await listMedia(ana, { uploaderId: ben.id, perPage: 1, page: 2 });
    expect([first.total, first.totalPages, second.page]).toEqual([2, 2, 2]);
    expect([first.items[0]!.id, second.items[0]!.id]).toEqual([c, b]);
    expect(first.items[0]!.sources.srcSet).toContain("320w");

    expect((await listMediaUploaders(ana)).map((u) => u.name)).toEqual(expect.arrayContaining([`Ana ${tag}`, `Ben ${tag}`]));
    const picker = await listMediaForPicker(ana);
    expect(picker.find((m) => m.id === a)).toMatchObject({ url: expect.stringMatching(/^\/media\//), thumbUrl: expect.stringMatching(/w320\.webp$/), width: 400, height: 300 });
  });
});

describe("alt text and publishing", () => {
  it("an article whose featured image has no alt text cannot be published until it has some", async () => {
    const editor = await makeUser("EDITOR");
    const id = await uploaded(editor);
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    await rawDb().article.update({ where: { id: article.id }, data: { featuredImageId: id } });
    const attempt = publishArticle(editor, article.id);
    await expect(attempt).rejects.toBeInstanceOf(WorkflowError);
    await expect(attempt).rejects.toMatchObject({ missing: expect.arrayContaining([expect.stringMatching(/alt text/)]) });

    await updateMedia(editor, id, { alt: "Council members vote on the water plan", ...keep });
    await publishArticle(editor, article.id);
    expect((await rawDb().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("PUBLISHED");
  });
});
