/**
 * How a library image is put on a page: from a Media row (or just its URL and size) to src, srcset, sizes, width
 * and height, plus its Open Graph crop. Pure, so public pages, the editor and the document renderer share it.
 * Rows without generated variants (the demo images in public/demo) fall back to a plain src.
 */
import { ARTICLE_IMAGE_SIZES, mediaUrl, parseMediaUrl, readVariants, responsiveImageFromUrl, variantKey, variantWidths } from "./keys";

export type ImageSources = {
  src: string;
  /** WebP widths, for <img srcset>; empty when the image has no variants. */
  srcSet: string;
  /** AVIF widths, for <source type="image/avif">; empty when the image has no variants. */
  avifSrcSet: string;
  sizes: string;
  width: number;
  height: number;
};

/** From the URL and size an article already carries (`/${storageKey}`), with no database lookup. */
export function imageSourcesFromUrl(image: { url: string; width: number; height: number }, sizes = ARTICLE_IMAGE_SIZES): ImageSources {
  const responsive = responsiveImageFromUrl(image.url);
  return {
    src: responsive?.src ?? image.url,
    srcSet: responsive?.srcSet ?? "",
    avifSrcSet: responsive?.avifSrcSet ?? "",
    sizes,
    width: image.width,
    height: image.height,
  };
}

type MediaRow = { storageKey: string; width: number; height: number; variants?: unknown };

export function imageSourcesForMedia(media: MediaRow, sizes = ARTICLE_IMAGE_SIZES): ImageSources {
  return imageSourcesFromUrl({ url: `/${media.storageKey}`, width: media.width, height: media.height }, sizes);
}

/** The 1200×630 crop for og:image, or null when the image has none (then use the image itself or a generated card). */
export function openGraphImageForMedia(media: MediaRow): { url: string; width: number; height: number } | null {
  const og = readVariants(media.variants).find((v) => v.kind === "og");
  return og ? { url: mediaUrl(og.key), width: og.width, height: og.height } : null;
}

/** A small rendition for grids and pickers (the narrowest WebP), or the image itself. */
export function thumbnailUrl(media: MediaRow): string {
  const parsed = parseMediaUrl(`/${media.storageKey}`);
  if (!parsed) return `/${media.storageKey}`;
  return mediaUrl(variantKey(parsed.folder, variantWidths(parsed.width)[0] as number, "webp"));
}
