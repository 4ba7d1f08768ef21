"use client";

/** Inserting an image from the media library into the body, with its alt text (required) and caption. */
import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ToolPanel } from "@/components/ui/url-panel";
import type { MediaOption } from "./types";

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
          <div className="space-y-2">
            <SelectField
              ref={select}
              id={`${id}-media`}
              label="Library image"
              error={errors.image}
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
              options={[["", "Choose an image…"], ...media.map((m) => [m.id, m.alt || m.filename] as const)]}
            />
            <TextField
              ref={altInput}
              id={`${id}-alt`}
              label="Alt text"
              hint="What the image shows, for readers who cannot see it."
              error={errors.alt}
              type="text"
              value={alt}
              onChange={(e) => {
                setAlt(e.target.value);
                setErrors({});
              }}
            />
            <TextField id={`${id}-caption`} label="Caption" type="text" value={caption} onChange={(e) => setCaption(e.target.value)} />
          </div>
          {chosen && (
            // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized
            <img src={chosen.thumbUrl} alt="" width={chosen.width} height={chosen.height} className="h-28 w-auto max-w-[12rem] rounded border border-gray-300 object-cover" />
          )}
        </div>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {media.length > 0 && (
          <Button variant="primary" onClick={apply}>
            Insert image
          </Button>
        )}
        <Button onClick={() => onClose(true)}>Cancel</Button>
      </div>
    </ToolPanel>
  );
}
