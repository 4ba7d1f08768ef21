/**
 * The image pipeline: judge an upload by its content, refuse anything we should not store, and turn what we accept
 * into the files we serve. Every output is re-encoded by sharp from the upright pixels only, so EXIF (camera, GPS
 * location), XMP and IPTC never reach readers, and `.rotate()` bakes the EXIF orientation into the pixels first.
 *
 * Nothing here touches storage or the database: the caller stores `files` only once this has succeeded, which is
 * how a refused upload leaves nothing behind. Used by the upload data layer, the seed and the tests.
 */
import { createHash } from "node:crypto";
import sharp, { type Metadata, type Sharp } from "sharp";
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, MediaRejectedError } from "./errors";
import {
  defaultRenditionKey,
  masterKey,
  mediaFolder,
  ogKey,
  OG_HEIGHT,
  OG_WIDTH,
  VARIANT_FORMATS,
  variantHeight,
  variantKey,
  variantWidths,
  type ImageFormat,
  type MediaVariant,
} from "./keys";
import { sniffImageType } from "./sniff";

export type { MediaVariant } from "./keys";

export type MediaFile = { key: string; body: Buffer; contentType: string };

export type ProcessedImage = {
  /** SHA-256 of the uploaded bytes: the dedupe key (Media.hash). */
  hash: string;
  format: ImageFormat;
  mimeType: string;
  /** Upright size, after EXIF orientation. */
  width: number;
  height: number;
  /** Size of the upload. */
  bytes: number;
  /** Site path of the default rendition without the leading slash (Media.storageKey): `/${storageKey}` is its URL. */
  storageKey: string;
  variants: MediaVariant[];
  files: MediaFile[];
};

const MIME: Record<MediaVariant["format"], string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
};

/** sharp's name for each accepted format, as metadata() reports it (AVIF is HEIF with AV1 compression). */
function sharpFormatMatches(format: ImageFormat, meta: Metadata): boolean {
  if (format === "avif") return meta.format === "heif" && meta.compression === "av1";
  return meta.format === format;
}

const TIMEOUT = { seconds: 60 };

function open(input: Buffer): Sharp {
  // failOn "error": refuse damaged data (a cut-off file) but tolerate the harmless warnings many cameras produce.
  return sharp(input, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS }).timeout(TIMEOUT).rotate();
}

function encode(pipeline: Sharp, format: MediaVariant["format"]): Sharp {
  switch (format) {
    case "avif":
      return pipeline.avif({ quality: 55, effort: 2 });
    case "webp":
      return pipeline.webp({ quality: 78, effort: 4 });
    case "jpeg":
      return pipeline.jpeg({ quality: 90, mozjpeg: true });
    case "png":
      return pipeline.png({ compressionLevel: 8 });
    case "gif":
      return pipeline.gif();
  }
}

async function render(pipeline: Sharp, format: MediaVariant["format"]) {
  const { data, info } = await encode(pipeline, format).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The Open Graph crop: cover 1200×630, the window centred on the focal point as far as the edges allow. */
export async function renderOgCrop(upright: Sharp, size: { width: number; height: number }, focal: { x: number; y: number }): Promise<Buffer> {
  const scale = Math.max(OG_WIDTH / size.width, OG_HEIGHT / size.height);
  const scaledWidth = Math.max(OG_WIDTH, Math.round(size.width * scale));
  const scaledHeight = Math.max(OG_HEIGHT, Math.round(size.height * scale));
  const clamp = (value: number, max: number) => Math.min(Math.max(0, Math.round(value)), max);
  const left = clamp(focal.x * scaledWidth - OG_WIDTH / 2, scaledWidth - OG_WIDTH);
  const top = clamp(focal.y * scaledHeight - OG_HEIGHT / 2, scaledHeight - OG_HEIGHT);
  return upright
    .resize({ width: scaledWidth, height: scaledHeight, fit: "fill" })
    .extract({ left, top, width: OG_WIDTH, height: OG_HEIGHT })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}

export function ogVariant(folder: string, data: Buffer): MediaVariant & { body: Buffer } {
  const digest = createHash("sha256").update(data).digest("hex");
  return { kind: "og", format: "jpeg", width: OG_WIDTH, height: OG_HEIGHT, key: ogKey(folder, digest), bytes: data.length, body: data };
}

/** Re-renders the Open Graph crop for a new focal point from the stored master. */
export async function regenerateOgCrop(master: Buffer, folder: string, focal: { x: number; y: number }) {
  const meta = await sharp(master).metadata();
  const data = await renderOgCrop(open(master), { width: meta.width, height: meta.height }, focal);
  return ogVariant(folder, data);
}

/**
 * Validates and processes an upload. Throws MediaRejectedError (with the message to show) for anything that is not
 * a readable JPEG, PNG, WebP, AVIF or GIF of at most 20 MB and 50 megapixels.
 */
export async function processImage(input: Buffer, options: { focal?: { x: number; y: number } } = {}): Promise<ProcessedImage> {
  if (input.length === 0) throw new MediaRejectedError("empty");
  if (input.length > MAX_UPLOAD_BYTES) throw new MediaRejectedError("too-large");
  const sniffed = sniffImageType(input);
  if (!sniffed.ok) throw new MediaRejectedError(sniffed.reason);
  const format = sniffed.format;

  let meta: Metadata;
  try {
    // Header only (no pixels are decoded), so no pixel limit here: we want the size, to refuse with it below.
    meta = await sharp(input, { failOn: "error", limitInputPixels: false }).metadata();
  } catch {
    throw new MediaRejectedError("corrupt");
  }
  if (!sharpFormatMatches(format, meta) || !meta.width || !meta.height) throw new MediaRejectedError("corrupt");
  // Judged from the header, before a single pixel is decoded: a small file can claim a gigantic canvas.
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw new MediaRejectedError("too-many-pixels", `This one is ${meta.width} × ${meta.height} pixels.`);
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  const hash = createHash("sha256").update(input).digest("hex");
  const folder = mediaFolder(hash, width, height);

  try {
    const master = await render(open(input), format);
    const variants: (MediaVariant & { body: Buffer })[] = [
      { kind: "master", format, width: master.width, height: master.height, key: masterKey(folder, format), bytes: master.data.length, body: master.data },
    ];
    // Decode once: every responsive variant is made from one upright, sRGB, at-most-1600-wide copy in memory.
    const widths = variantWidths(width);
    const largest = widths[widths.length - 1] as number;
    const base = await open(input)
      .resize({ width: largest, height: variantHeight(width, height, largest), fit: "fill" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const fromBase = () => sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } }).timeout(TIMEOUT);
    const jobs = widths.flatMap((w) =>
      VARIANT_FORMATS.map(async (variantFormat) => {
        const out = await render(fromBase().resize({ width: w, height: variantHeight(width, height, w), fit: "fill" }), variantFormat);
        return { kind: "responsive", format: variantFormat, width: out.width, height: out.height, key: variantKey(folder, w, variantFormat), bytes: out.data.length, body: out.data } as const;
      }),
    );
    variants.push(...(await Promise.all(jobs)));
    variants.push(ogVariant(folder, await renderOgCrop(open(input), { width, height }, options.focal ?? { x: 0.5, y: 0.5 })));
    return {
      hash,
      format,
      mimeType: MIME[format],
      width,
      height,
      bytes: input.length,
      storageKey: `media/${defaultRenditionKey(folder, width)}`,
      variants: variants.map((v) => ({ kind: v.kind, format: v.format, width: v.width, height: v.height, key: v.key, bytes: v.bytes })),
      files: variants.map((v) => ({ key: v.key, body: v.body, contentType: MIME[v.format] })),
    };
  } catch (error) {
    if (error instanceof MediaRejectedError) throw error;
    // libvips refuses damaged pixel data only when it decodes it: a valid header over broken data lands here.
    throw new MediaRejectedError("corrupt");
  }
}
