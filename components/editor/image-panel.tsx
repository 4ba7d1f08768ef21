"use client";

/** Inserting an image from the media library into the body, with its alt text (required) and caption. */
import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { ToolPanel } from "@/components/ui/url-panel";
import type { MediaOption } from "./types";
import { buttonClass, errorClass, hintClass, inputClass, labelClass, primaryButtonClass } from "./ui";

export function ImagePanel({ editor, media, onClose }: { editor: Editor; media: MediaOption[]; onClose: (refocus: boolean) => void }) {
  const id = useId();
  const [mediaId, setMediaId] = useState("");
  const [alt, setAlt] = useState("");
  const [caption, setCaption] = useState("");
  const [errors, setErrors] = useState<{ image?: string; alt?: string }>({});
  const select = useRef<HTMLSelectElement>(null);
  const altInput = useRef<HTMLInputElement>(null);
  useEffect(() => select.current?.focus(), []);
  const chosen = media.find((m) => m.id === mediaId);

  const apply = () => {
    if (!chosen) {
      setErrors({ image: "Choose an image from the library." });
      select.current?.focus();
      return;
    }
    if (!alt.trim()) {
      setErrors({ alt: "Describe the image for readers who cannot see it." });
      altInput.current?.focus();
      return;
    }
    editor
      .chain()
      .focus()
      .insertContent({
        type: "image",
        attrs: { mediaId: chosen.id, src: chosen.url, alt: alt.trim(), caption: caption.trim(), width: chosen.width, height: chosen.height },
      })
      .run();
    onClose(false);
  };

  return (
    <ToolPanel title="Insert an image from the library" showTitle onApply={apply} onCancel={() => onClose(true)}>
      {media.length === 0 ? (
        <p className="mt-2 text-sm">The media library has no images yet.</p>
      ) : (
        <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_auto]">
          <div>
            <label htmlFor={`${id}-media`} className={labelClass}>
              Library image
            </label>
            <select
              ref={select}
              id={`${id}-media`}
              value={mediaId}
              onChange={(e) => {
                const next = media.find((m) => m.id === e.target.value);
                setMediaId(e.target.value);
                setErrors({});
                if (next) {
                  setAlt(next.alt);
                  setCaption(next.caption);
                }
              }}
              aria-invalid={errors.image ? true : undefined}
              aria-describedby={errors.image ? `${id}-media-error` : undefined}
              className={inputClass}
            >
              <option value="">Choose an image…</option>
              {media.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.alt || m.filename}
                </option>
              ))}
            </select>
            {errors.image && (
              <p id={`${id}-media-error`} className={errorClass}>
                {errors.image}
              </p>
            )}
            <label htmlFor={`${id}-alt`} className={`${labelClass} mt-2`}>
              Alt text
            </label>
            <input
              ref={altInput}
              id={`${id}-alt`}
              type="text"
              value={alt}
              onChange={(e) => {
                setAlt(e.target.value);
                setErrors({});
              }}
              aria-invalid={errors.alt ? true : undefined}
              aria-describedby={`${id}-alt-hint${errors.alt ? ` ${id}-alt-error` : ""}`}
              className={inputClass}
            />
            <p id={`${id}-alt-hint`} className={hintClass}>
              What the image shows, for readers who cannot see it.
            </p>
            {errors.alt && (
              <p id={`${id}-alt-error`} className={errorClass}>
                {errors.alt}
              </p>
            )}
            <label htmlFor={`${id}-caption`} className={`${labelClass} mt-2`}>
              Caption
            </label>
            <input id={`${id}-caption`} type="text" value={caption} onChange={(e) => setCaption(e.target.value)} className={inputClass} />
          </div>
          {chosen && (
            // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized
            <img src={chosen.thumbUrl} alt="" width={chosen.width} height={chosen.height} className="h-28 w-auto max-w-[12rem] rounded border border-gray-300 object-cover" />
          )}
        </div>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {media.length > 0 && (
          <button type="button" className={primaryButtonClass} onClick={apply}>
            Insert image
          </button>
        )}
        <button type="button" className={buttonClass} onClick={() => onClose(true)}>
          Cancel
        </button>
      </div>
    </ToolPanel>
  );
}
