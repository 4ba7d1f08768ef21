/**
 * The image pipeline on real files made with sharp: the five accepted formats pass, each hostile input is refused
 * with its own message, metadata never survives, orientation does, and variants never upscale.
 */
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { MediaRejectedError, REJECTION_MESSAGES, MAX_UPLOAD_BYTES } from "@/lib/media/errors";
import { OG_HEIGHT, OG_WIDTH, variantWidths } from "@/lib/media/keys";
import { processImage, regenerateOgCrop } from "@/lib/media/pipeline";
import { sniffImageType } from "@/lib/media/sniff";
import { EXIF_SECRET, makeCorruptJpeg, makeImage, makePhotoWithExif, makePngBomb, makeSvg, makeTextFile } from "../../e2e/support/media-files";

async function refusal(input: Buffer): Promise<MediaRejectedError> {
  const error = await processImage(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaRejectedError);
  return error as MediaRejectedError;
}

describe("accepted formats", () => {
  it.each([
    ["jpeg", "image/jpeg"],
    ["png", "image/png"],
    ["webp", "image/webp"],
    ["avif", "image/avif"],
    ["gif", "image/gif"],
  ] as const)("accepts %s by its content", async (format, mimeType) => {
    const input = await makeImage(format, { width: 700, height: 350 });
    expect(sniffImageType(input)).toEqual({ ok: true, format });
    const out = await processImage(input);
    expect(out.mimeType).toBe(mimeType);
    expect(out.format).toBe(format);
    expect([out.width, out.height]).toEqual([700, 350]);
    expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
    // AVIF and WebP at 320, 640 and the image's own 700 (never wider), an OG crop and the clean master.
    const responsive = out.variants.filter((v) => v.kind === "responsive");
    expect(responsive.map((v) => `${v.format}@${v.width}x${v.height}`).sort()).toEqual(
      ["avif@320x160", "avif@640x320", "avif@700x350", "webp@320x160", "webp@640x320", "webp@700x350"].sort(),
    );
    expect(out.variants.filter((v) => v.kind === "og")).toHaveLength(1);
    expect(out.variants.filter((v) => v.kind === "master")).toHaveLength(1);
    expect(out.files).toHaveLength(out.variants.length);
    expect(out.storageKey).toMatch(/^media\/[0-9a-f]{32}-700x350\/w700\.webp$/);
    for (const file of out.files) {
      const meta = await sharp(file.body).metadata();
      const variant = out.variants.find((v) => v.key === file.key)!;
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
      expect(file.contentType).toBe(`image/${variant.format}`);
    }
  });

  it("produces the same hash and names for the same file (dedupe), different ones for another", async () => {
    const input = await makeImage("png", { seed: 1 });
    const [a, b, c] = await Promise.all([processImage(input), processImage(Buffer.from(input)), processImage(await makeImage("png", { seed: 2 }))]);
    expect(a.hash).toBe(b.hash);
    expect(a.variants.map((v) => v.key)).toEqual(b.variants.map((v) => v.key));
    expect(c.hash).not.toBe(a.hash);
  });
});

describe("refused inputs", () => {
  it("refuses a text file, whatever its name", async () => {
    const error = await refusal(makeTextFile());
    expect(error.reason).toBe("text");
    expect(error.message).toBe(REJECTION_MESSAGES.text);
    expect(error.status).toBe(415);
  });

  it("refuses an SVG", async () => {
    const error = await refusal(makeSvg());
    expect(error.reason).toBe("svg");
    expect(error.message).toBe(REJECTION_MESSAGES.svg);
    // Also without the XML declaration.
    expect((await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).reason).toBe("svg");
  });

  it("refuses a damaged image", async () => {
    const error = await refusal(await makeCorruptJpeg());
    expect(error.reason).toBe("corrupt");
    expect(error.message).toBe(REJECTION_MESSAGES.corrupt);
    // A PNG signature over garbage, and a GIF header and nothing else.
    expect((await refusal(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]))).reason).toBe("corrupt");
    expect((await refusal(Buffer.from("GIF89a"))).reason).toBe("corrupt");
  });

  it("refuses a decompression bomb from its header, before decoding", async () => {
    const bomb = makePngBomb(30_000);
    expect(bomb.length).toBeLessThan(100_000);
    const started = Date.now();
    const error = await refusal(bomb);
    expect(error.reason).toBe("too-many-pixels");
    expect(error.message).toContain(REJECTION_MESSAGES["too-many-pixels"]);
    expect(error.message).toContain("30000 × 30000");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("refuses an empty file, an oversized file, HEIC and other formats", async () => {
    expect((await refusal(Buffer.alloc(0))).reason).toBe("empty");
    const huge = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff]);
    expect((await refusal(huge)).reason).toBe("too-large");
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic"), Buffer.from([0, 0, 0, 0]), Buffer.from("mif1heic"), Buffer.alloc(64)]);
    expect((await refusal(heic)).reason).toBe("heic");
    expect((await refusal(Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"))).reason).not.toBe("corrupt");
    expect((await refusal(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x10])))).toMatchObject({ reason: "unsupported", message: REJECTION_MESSAGES.unsupported });
  });
});

describe("metadata and orientation", () => {
  it("strips EXIF (GPS included) from every file it produces, and keeps the picture upright", async () => {
    const photo = await makePhotoWithExif({ width: 80, height: 40 });
    const before = await sharp(photo).metadata();
    expect(before.exif).toBeDefined();
    expect(photo.includes(Buffer.from(EXIF_SECRET))).toBe(true);

    const out = await processImage(photo);
    // Stored sideways with orientation 6: upright it is 40 wide and 80 high.
    expect([out.width, out.height]).toEqual([40, 80]);
    for (const file of out.files) {
      const meta = await sharp(file.body).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation === undefined || meta.orientation === 1).toBe(true);
      expect(file.body.includes(Buffer.from(EXIF_SECRET))).toBe(false);
      expect(file.body.includes(Buffer.from("TestCam"))).toBe(false);
    }
    const master = out.files.find((f) => f.key.endsWith("master.jpg"))!;
    const masterMeta = await sharp(master.body).metadata();
    expect([masterMeta.width, masterMeta.height]).toEqual([40, 80]);
  });
});

describe("variants and the Open Graph crop", () => {
  it("never upscales, and caps at 1600", () => {
    expect(variantWidths(200)).toEqual([200]);
    expect(variantWidths(320)).toEqual([320]);
    expect(variantWidths(1000)).toEqual([320, 640, 960, 1000]);
    expect(variantWidths(1600)).toEqual([320, 640, 960, 1280, 1600]);
    expect(variantWidths(6000)).toEqual([320, 640, 960, 1280, 1600]);
  });

  it("crops 1200×630 around the focal point", async () => {
    // A tall picture: left half black, right half white, top red band; the crop's content follows the focal point.
    const tall = await sharp({ create: { width: 600, height: 1200, channels: 3, background: "#000" } })
      .composite([{ input: { create: { width: 600, height: 300, channels: 3, background: "#f00" } }, top: 0, left: 0 }])
      .png()
      .toBuffer();
    const top = await regenerateOgCrop(tall, "0".repeat(32) + "-600x1200", { x: 0.5, y: 0 });
    const bottom = await regenerateOgCrop(tall, "0".repeat(32) + "-600x1200", { x: 0.5, y: 1 });
    for (const crop of [top, bottom]) {
      const meta = await sharp(crop.body).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([OG_WIDTH, OG_HEIGHT, "jpeg"]);
      expect(crop.key).toMatch(/\/og-[0-9a-f]{16}\.jpg$/);
    }
    const redAt = async (body: Buffer) => (await sharp(body).extract({ left: 600, top: 10, width: 1, height: 1 }).raw().toBuffer())[0]!;
    expect(await redAt(top.body)).toBeGreaterThan(200);
    expect(await redAt(bottom.body)).toBeLessThan(50);
    expect(top.key).not.toBe(bottom.key);
  });
});
