"use client";

/**
 * The body's image panel: inserts an image from the media library with its alt text (required), caption and credit,
 * or, when an image in the body is selected, edits those of that image (they belong to this use of the image: the
 * library's own details are only where they start from).
 */
import type { Editor } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ToolPanel } from "@/components/ui/url-panel";
import type { MediaOption } from "./types";

type ImageText = { mediaId: string; alt: string; caption: string; credit: string };

/** The image selected in the body (clicked, or reached with the arrow keys), or null. */
function selectedImage(editor: Editor): ImageText | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== "image") return null;
  const attrs = selection.node.attrs as Record<string, unknown>;
  const text = (key: string) => (typeof attrs[key] === "string" ? (attrs[key] as string) : "");
  return { mediaId: text("mediaId"), alt: text("alt"), caption: text("caption"), credit: text("credit") };
}

export function ImagePanel({ editor, media, onClose }: { editor: Editor; media: MediaOption[]; onClose: (refocus: boolean) => void }) {
  const id = useId();
  const [editing] = useState(() => selectedImage(editor));
  const [values, setValues] = useState<ImageText>(editing ?? { mediaId: "", alt: "", caption: "", credit: "" });
  const [errors, setErrors] = useState<{ image?: string; alt?: string }>({});
  const select = useRef<HTMLSelectElement>(null);
  const altInput = useRef<HTMLInputElement>(null);
  useEffect(() => (editing ? altInput : select).current?.focus(), [editing]);
  const chosen = media.find((m) => m.id === values.mediaId);
  const set = (patch: Partial<ImageText>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors({});
  };

  const apply = () => {
    if (!chosen && !editing) {
      setErrors({ image: "Choose an image from the library." });
      select.current?.focus();
      return;
    }
    if (!values.alt.trim()) {
      setErrors({ alt: "Describe the image for readers who cannot see it." });
      altInput.current?.focus();
      return;
    }
    const text = { alt: values.alt.trim(), caption: values.caption.trim(), credit: values.credit.trim() };
    const image = chosen ? { mediaId: chosen.id, src: chosen.url, width: chosen.width, height: chosen.height } : {};
    if (editing) editor.chain().focus().updateAttributes("image", { ...image, ...text }).run();
    else editor.chain().focus().insertContent({ type: "image", attrs: { ...image, ...text } }).run();
    onClose(false);
  };

  const showFields = media.length > 0 || editing;
  // An image in the body that is not among the library's latest keeps its place in the list as "The current image".
  const firstOptions = editing ? (media.some((m) => m.id === editing.mediaId) ? [] : [[editing.mediaId, "The current image"] as const]) : [["", "Choose an image…"] as const];
  return (
    <ToolPanel title={editing ? "Edit the selected image" : "Insert an image from the library"} showTitle onApply={apply} onCancel={() => onClose(true)}>
      {!showFields ? (
        <p className="mt-2 text-sm">The media library has no images yet.</p>
      ) : (
        <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_auto]">
          <div className="space-y-2">
            <SelectField
              ref={select}
              id={`${id}-media`}
              label="Library image"
              error={errors.image}
              value={values.mediaId}
              onChange={(e) => {
                const next = media.find((m) => m.id === e.target.value);
                set(next && !editing ? { mediaId: next.id, alt: next.alt, caption: next.caption, credit: next.credit } : { mediaId: e.target.value });
              }}
              options={[...firstOptions, ...media.map((m) => [m.id, m.alt || m.filename] as const)]}
            />
            <TextField
              ref={altInput}
              id={`${id}-alt`}
              label="Alt text"
              hint="What the image shows, for readers who cannot see it."
              error={errors.alt}
              type="text"
              value={values.alt}
              onChange={(e) => set({ alt: e.target.value })}
            />
            <TextField id={`${id}-caption`} label="Caption" type="text" value={values.caption} onChange={(e) => set({ caption: e.target.value })} />
            <TextField id={`${id}-credit`} label="Credit" hint="Who made the image, such as “Ana Ruiz / Dateline”." type="text" value={values.credit} onChange={(e) => set({ credit: e.target.value })} />
          </div>
          {chosen && (
            // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized
            <img src={chosen.thumbUrl} alt="" width={chosen.width} height={chosen.height} className="h-28 w-auto max-w-[12rem] rounded border border-gray-300 object-cover" />
          )}
        </div>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        {showFields && (
          <Button variant="primary" onClick={apply}>
            {editing ? "Update image" : "Insert image"}
          </Button>
        )}
        <Button onClick={() => onClose(true)}>Cancel</Button>
      </div>
    </ToolPanel>
  );
}
