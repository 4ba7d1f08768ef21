"use client";

/** The featured image: one of the library's images (or none), with a thumbnail of the choice. */
import { MediaUploader } from "@/components/media/media-uploader";
import type { MediaOption } from "./types";
import { errorClass, hintClass, inputClass, labelClass } from "./ui";

type Props = {
  media: MediaOption[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** An image uploaded here, to add to the library list and choose. */
  onUploaded?: (media: MediaOption) => void;
  error?: string;
};

export function FeaturedImageField({ media, value, onChange, onUploaded, error }: Props) {
  const chosen = value ? media.find((m) => m.id === value) : undefined;
  const describedBy = ["featured-image-hint", error ? "featured-image-error" : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor="field-featured-image" className={labelClass}>
        Featured image
      </label>
      <div className="mt-1 flex flex-wrap items-start gap-3">
        <select
          id="field-featured-image"
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value || null)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputClass} mt-0 w-auto min-w-[14rem] flex-1`}
        >
          <option value="">None</option>
          {value && !chosen && <option value={value}>The current image</option>}
          {media.map((m) => (
            <option key={m.id} value={m.id}>
              {m.alt || m.filename}
            </option>
          ))}
        </select>
        {chosen && (
          // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail
          <img src={chosen.thumbUrl} alt={chosen.alt} width={chosen.width} height={chosen.height} className="h-20 w-auto max-w-[10rem] rounded border border-gray-300 object-cover" />
        )}
      </div>
      <p id="featured-image-hint" className={hintClass}>
        {chosen && !chosen.alt.trim()
          ? "This image has no alt text yet: add it in the media library before publishing."
          : "Shown at the top of the article and when it is shared."}
      </p>
      {error && (
        <p id="featured-image-error" className={errorClass}>
          {error}
        </p>
      )}
      {onUploaded && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium">Upload a new image</summary>
          <div className="mt-2">
            <MediaUploader
              refreshAfterUpload={false}
              onUploaded={(m) => onUploaded({ id: m.id, url: m.url, thumbUrl: m.thumbUrl, width: m.width, height: m.height, alt: m.alt, caption: m.caption, filename: m.filename })}
            />
          </div>
        </details>
      )}
    </div>
  );
}
