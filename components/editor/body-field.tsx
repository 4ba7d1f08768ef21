"use client";

/**
 * The body: its label, the editor (memoized: typing re-renders nothing here), the word count, and while merging by
 * hand, my version beside it to copy from.
 */
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { MIN_BODY_WORDS } from "@/lib/validation/articles";
import { BodyEditor } from "./body-editor";
import type { MediaOption } from "./types";
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
      <label id="body-label" className="block text-sm font-semibold" onClick={form.focusBody}>
        Body
      </label>
      <div className={mergeText !== null ? "mt-1 grid gap-4 xl:grid-cols-2" : "mt-1"}>
        <div className="min-w-0">
          <BodyEditor initialContent={form.initialBody} media={media} labelId="body-label" describedBy="body-hint body-error" onReady={form.editorReady} onChange={form.bodyChanged} />
        </div>
        {mergeText !== null && (
          <div className="min-w-0">
            <TextAreaField id="merge-mine" label="Your version" hint="Read-only: copy what you need into the body." readOnly value={mergeText} rows={18} controlClassName="font-serif" />
            <Button className="mt-2" onClick={onDoneMerging}>
              Done merging
            </Button>
          </div>
        )}
      </div>
      <p id="body-hint" className="mt-1 text-sm text-muted">
        {words.toLocaleString(locale)} {words === 1 ? "word" : "words"}
        {words < MIN_BODY_WORDS ? ` (at least ${MIN_BODY_WORDS} to publish)` : ""}. Ctrl+B bold, Ctrl+I italic.
      </p>
      <p id="body-error" className={`mt-1 text-sm font-semibold text-red-800${error ? "" : " sr-only"}`}>
        {error ?? ""}
      </p>
    </div>
  );
}
