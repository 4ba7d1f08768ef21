/**
 * Where an image's files live and what they are called. Pure and dependency-free: the document renderer (which also
 * runs in the browser) and the article view derive a whole srcset from one URL with it, without a database lookup.
 *
 * Every file of an image sits in one folder named after the original's content hash and its (upright) size:
 *   <first 32 hex of sha256>-<width>x<height>/w640.avif      responsive variants, AVIF and WebP, at VARIANT_WIDTHS
 *   <…>/og-<16 hex>.jpg                                       the 1200×630 Open Graph crop (named by its own content,
 *                                                             since it changes with the focal point)
 *   <…>/master.<ext>                                          the full-size original, re-encoded without metadata
 * and is served at /media/<key>. Because a name changes whenever its content could, files are cached forever.
 */

export const MEDIA_URL_PREFIX = "/media/";
/** Widths of the responsive variants; an image narrower than one of these is never upscaled. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1600] as const;
export const VARIANT_FORMATS = ["avif", "webp"] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];
/** The rendition used where one URL is needed (the `src` fallback, Media.storageKey): the widest WebP up to this. */
export const DEFAULT_RENDITION_MAX_WIDTH = 1280;
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export const MASTER_EXTENSIONS = { jpeg: "jpg", png: "png", webp: "webp", avif: "avif", gif: "gif" } as const;
export type ImageFormat = keyof typeof MASTER_EXTENSIONS;

/** One generated file, as listed in Media.variants. */
export type MediaVariant = {
  kind: "responsive" | "og" | "master";
  format: "avif" | "webp" | "jpeg" | "png" | "gif";
  width: number;
  height: number;
  key: string;
  bytes: number;
};

/** Media.variants (JSON) read back defensively: entries that are not variants are dropped. */
export function readVariants(value: unknown): MediaVariant[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is MediaVariant =>
      !!v && typeof v === "object" && typeof (v as MediaVariant).key === "string" && isMediaKey((v as MediaVariant).key) && typeof (v as MediaVariant).width === "number",
  );
}

const CONTENT_TYPES: Record<string, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
};

/** The only keys the media route serves: anything else (a `..`, an unknown name) is a 404 without a storage read. */
const KEY_PATTERN = /^[0-9a-f]{32}-[1-9]\d{0,4}x[1-9]\d{0,4}\/(?:w[1-9]\d{0,4}\.(?:avif|webp)|og-[0-9a-f]{16}\.jpg|master\.(?:jpg|png|webp|avif|gif))$/;
const URL_PATTERN = /^\/media\/([0-9a-f]{32})-([1-9]\d{0,4})x([1-9]\d{0,4})\/[^/?#]+$/;

export function isMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function contentTypeForKey(key: string): string | null {
  const ext = key.slice(key.lastIndexOf(".") + 1);
  return CONTENT_TYPES[ext] ?? null;
}

/** The folder of one image: its content hash (first 128 bits) and its upright size. */
export function mediaFolder(hash: string, width: number, height: number): string {
  if (!/^[0-9a-f]{32,}$/.test(hash)) throw new Error("A media hash is lower-case hex, at least 32 characters");
  return `${hash.slice(0, 32)}-${width}x${height}`;
}

export function variantKey(folder: string, width: number, format: VariantFormat): string {
  return `${folder}/w${width}.${format}`;
}

export function ogKey(folder: string, digest: string): string {
  return `${folder}/og-${digest.slice(0, 16)}.jpg`;
}

export function masterKey(folder: string, format: ImageFormat): string {
  return `${folder}/master.${MASTER_EXTENSIONS[format]}`;
}

export function mediaUrl(key: string): string {
  return `${MEDIA_URL_PREFIX}${key}`;
}

/** The variant widths an image of `width` pixels gets: the standard ones below it, and its own width up to 1600. */
export function variantWidths(width: number): number[] {
  const max = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] as number;
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < width);
  widths.push(Math.min(width, max));
  return [...new Set(widths)].sort((a, b) => a - b);
}

export function variantHeight(width: number, height: number, variantWidth: number): number {
  return Math.max(1, Math.round((height * variantWidth) / width));
}

/** The width of the default rendition of an image `width` pixels wide. */
export function defaultRenditionWidth(width: number): number {
  const widths = variantWidths(width);
  return widths.filter((w) => w <= DEFAULT_RENDITION_MAX_WIDTH).pop() ?? (widths[0] as number);
}

export function defaultRenditionKey(folder: string, width: number): string {
  return variantKey(folder, defaultRenditionWidth(width), "webp");
}

/** The folder and original size encoded in a /media/… URL, or null for any other URL (a demo file, say). */
export function parseMediaUrl(url: string): { folder: string; width: number; height: number } | null {
  const match = URL_PATTERN.exec(url);
  if (!match) return null;
  const [, stem, w, h] = match as unknown as [string, string, string, string];
  return { folder: `${stem}-${w}x${h}`, width: Number(w), height: Number(h) };
}

/** `sizes` for an image that spans the article column (max-w-3xl inside the page's padding). */
export const ARTICLE_IMAGE_SIZES = "(min-width: 50rem) 48rem, calc(100vw - 2rem)";

export type ResponsiveImage = {
  /** The default rendition (WebP), for browsers that ignore srcset. */
  src: string;
  /** WebP at every variant width, for the <img> itself. */
  srcSet: string;
  /** AVIF at every variant width, for a <source type="image/avif"> in front of it. */
  avifSrcSet: string;
};

/**
 * The srcsets of a library image, from the URL of any of its files. Null when the URL is not one of ours (then the
 * caller renders a plain <img src>).
 */
export function responsiveImageFromUrl(url: string): ResponsiveImage | null {
  const parsed = parseMediaUrl(url);
  if (!parsed) return null;
  const widths = variantWidths(parsed.width);
  const set = (format: VariantFormat) => widths.map((w) => `${mediaUrl(variantKey(parsed.folder, w, format))} ${w}w`).join(", ");
  return { src: mediaUrl(defaultRenditionKey(parsed.folder, parsed.width)), srcSet: set("webp"), avifSrcSet: set("avif") };
}
