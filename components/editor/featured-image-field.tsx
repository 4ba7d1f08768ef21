"use client";

/**
 * The featured image: one of the library's images (or none), with a thumbnail of the choice and its alt text,
 * caption and credit (featured-image-details.tsx), or a new upload.
 */
import { MediaUploader } from "@/components/media/media-uploader";
import { CONTROL_CLASS, Field, fieldControlProps } from "@/components/ui/field";
import type { MediaText } from "@/lib/media/validation";
import { FeaturedImageDetails } from "./featured-image-details";
import type { MediaOption } from "./types";

type Props = {
  media: MediaOption[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** An image uploaded here, to add to the library list and choose. */
  onUploaded?: (media: MediaOption) => void;
  /** The chosen image's details were saved in the library. */
  onDetailsSaved: (id: string, text: MediaText) => void;
  error?: string;
};

export function FeaturedImageField({ media, value, onChange, onUploaded, onDetailsSaved, error }: Props) {
  const chosen = value ? media.find((m) => m.id === value) : undefined;
  const hint = chosen && !chosen.alt.trim() ? "This image has no alt text yet: add it below before publishing." : "Shown at the top of the article and when it is shared.";
  return (
    <div>
      <Field id="field-featured-image" label="Featured image" hint={hint} error={error}>
        <div className="flex flex-wrap items-start gap-3">
          <select {...fieldControlProps({ id: "field-featured-image", hint, error })} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)} className={`${CONTROL_CLASS} w-auto min-w-[14rem] flex-1`}>
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
      </Field>
      {chosen && <FeaturedImageDetails key={chosen.id} image={chosen} onSaved={(text) => onDetailsSaved(chosen.id, text)} />}
      {onUploaded && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium">Upload a new image</summary>
          <div className="mt-2">
            <MediaUploader
              refreshAfterUpload={false}
              onUploaded={(m) => onUploaded({ id: m.id, url: m.url, thumbUrl: m.thumbUrl, width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit, filename: m.filename, canEdit: m.canEdit })}
            />
          </div>
        </details>
      )}
    </div>
  );
}
