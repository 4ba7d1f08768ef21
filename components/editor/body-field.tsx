"use client";

/**
 * The body: its label, the editor (memoized: typing re-renders nothing here), the word count, and while merging by
 * hand, my version beside it to copy from.
 */
import { MIN_BODY_WORDS } from "@/lib/validation/articles";
import { BodyEditor } from "./body-editor";
import type { MediaOption } from "./types";
import { buttonClass, errorClass, hintClass, inputClass, labelClass } from "./ui";
import type { ArticleFieldsState } from "./use-article-fields";

type Props = {
  form: ArticleFieldsState;
  media: MediaOption[];
  locale: string;
  /** My version as plain text while merging by hand, else null. */
  mergeText: string | null;
  onDoneMerging: () => void;
};

export function BodyField({ form, media, locale, mergeText, onDoneMerging }: Props) {
  const { words } = form;
  const error = form.fieldErrors.body;
  return (
    <div>
      {/* The body is a contenteditable, not a form control: the label names it through aria-labelledby. */}
      <label id="body-label" className={labelClass} onClick={form.focusBody}>
        Body
      </label>
      <div className={mergeText !== null ? "mt-1 grid gap-4 xl:grid-cols-2" : "mt-1"}>
        <div className="min-w-0">
          <BodyEditor initialContent={form.initialBody} media={media} labelId="body-label" describedBy="body-hint body-error" onReady={form.editorReady} onChange={form.bodyChanged} />
        </div>
        {mergeText !== null && (
          <div className="min-w-0">
            <label htmlFor="merge-mine" className={labelClass}>
              Your version
            </label>
            <textarea id="merge-mine" readOnly value={mergeText} rows={18} aria-describedby="merge-hint" className={`${inputClass} font-serif text-sm`} />
            <p id="merge-hint" className={hintClass}>
              Read-only: copy what you need into the body.
            </p>
            <button type="button" className={`${buttonClass} mt-2`} onClick={onDoneMerging}>
              Done merging
            </button>
          </div>
        )}
      </div>
      <p id="body-hint" className={hintClass}>
        {words.toLocaleString(locale)} {words === 1 ? "word" : "words"}
        {words < MIN_BODY_WORDS ? ` (at least ${MIN_BODY_WORDS} to publish)` : ""}. Ctrl+B bold, Ctrl+I italic.
      </p>
      <p id="body-error" className={errorClass + (error ? "" : " sr-only")}>
        {error ?? ""}
      </p>
    </div>
  );
}
