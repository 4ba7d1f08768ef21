"use client";

/**
 * The featured image's alt text, caption and credit, edited from the article editor. They are the media library
 * item's own details (readers see them under the image on every article that uses it), so saving them here changes
 * the library item, through the same rules as the library's page: its uploader or the desk may change them, only the
 * desk once a published or scheduled story shows the image (docs/decisions/0014). Saved on their own button, not
 * with the article: they are not part of the article's versions.
 */
import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/form-message";
import { updateMediaTextAction } from "@/lib/actions/media";
import { ALT_MAX, CAPTION_MAX, CREDIT_MAX, type MediaText } from "@/lib/media/validation";
import type { MediaOption } from "./types";

type Props = { image: MediaOption; onSaved: (text: MediaText) => void };

export function FeaturedImageDetails({ image, onSaved }: Props) {
  const id = useId();
  const [text, setText] = useState<MediaText>({ alt: image.alt, caption: image.caption, credit: image.credit });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = text.alt !== image.alt || text.caption !== image.caption || text.credit !== image.credit;

  const save = async () => {
    if (!image.canEdit || busy) return;
    setBusy(true);
    const result = await updateMediaTextAction(image.id, text).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      setErrors({});
      setText(result.data);
      onSaved(result.data);
    } else setErrors(result?.fieldErrors ?? {});
    setOutcome({ ok: Boolean(result?.ok), message: result ? (result.message ?? "") : "Could not reach the server. Check the connection and try again." });
  };

  // Enter in one of these fields saves them, not the article around them.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter" || (event.target as HTMLElement).tagName !== "INPUT") return;
    event.preventDefault();
    void save();
  };

  const field = (key: keyof MediaText, label: string, max: number, hint?: string) => (
    <TextField
      id={`${id}-${key}`}
      label={label}
      hint={hint}
      type="text"
      value={text[key]}
      maxLength={max}
      readOnly={!image.canEdit}
      error={errors[key]}
      onChange={(e) => {
        setText((t) => ({ ...t, [key]: e.target.value }));
        setOutcome(null);
      }}
    />
  );

  return (
    <div role="group" aria-labelledby={`${id}-title`} className="mt-3 space-y-2 rounded border border-gray-300 bg-gray-50 p-3" onKeyDown={onKeyDown}>
      <p id={`${id}-title`} className="text-sm font-bold">
        Featured image details
      </p>
      <p className="text-sm text-muted">
        {image.canEdit
          ? "These belong to the image in the media library: saving them changes them on every article that uses this image."
          : "These belong to the image in the media library. Only the person who uploaded it or an editor can change them. Once the image appears in a published story, only an editor can."}
      </p>
      {field("alt", "Alt text", ALT_MAX, "What the image shows, for readers who cannot see it. Needed to publish.")}
      {field("caption", "Caption", CAPTION_MAX)}
      {field("credit", "Credit", CREDIT_MAX)}
      {image.canEdit && (
        <Button onClick={() => void save()} pending={busy} pendingLabel="Saving…" disabled={!changed}>
          Save image details
        </Button>
      )}
      {outcome?.message && <Notice tone={outcome.ok ? "success" : "error"}>{outcome.message}</Notice>}
    </div>
  );
}
