/**
 * A page's main picture (an article's featured image, the front page's lead image): AVIF and WebP srcsets from the
 * media library's variants (derived from its URL, lib/media/sources.ts), width and height so nothing shifts, and
 * loaded first at high priority since it is the largest thing on the page.
 */
import { imageSourcesFromUrl } from "@/lib/media/sources";

type Props = { image: { url: string; width: number; height: number }; alt: string; sizes?: string };

export function PriorityPicture({ image, alt, sizes }: Props) {
  const sources = imageSourcesFromUrl(image, sizes);
  return (
    <picture>
      {sources.avifSrcSet && <source type="image/avif" srcSet={sources.avifSrcSet} sizes={sources.sizes} />}
      <img
        src={sources.src}
        srcSet={sources.srcSet || undefined}
        sizes={sources.srcSet ? sources.sizes : undefined}
        alt={alt}
        width={image.width}
        height={image.height}
        loading="eager"
        fetchPriority="high"
        className="h-auto w-full rounded"
      />
    </picture>
  );
}
