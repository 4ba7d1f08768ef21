"use client";

/**
 * The body: its label, the editor (memoized: typing re-renders nothing here), the word count, and while merging by
 * hand, my version beside it to copy from.
 */
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { MIN_BODY_WORDS } from "@/lib/validation/articles";
import { BodyEditor } from "./body-editor";
import { KEY_SHORTCUTS, MARKDOWN_SHORTCUTS, type Shortcut } from "./shortcuts";
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
        {words < MIN_BODY_WORDS ? ` (at least ${MIN_BODY_WORDS} to publish)` : ""}.
      </p>
      <ShortcutsList />
      <p id="body-error" className={`mt-1 text-sm font-semibold text-red-800${error ? "" : " sr-only"}`}>
        {error ?? ""}
      </p>
    </div>
  );
}

/** The keys and Markdown the body answers to, behind a disclosure so that it costs one line. */
function ShortcutsList() {
  const list = (items: Shortcut[]) => (
    <ul className="mt-1 grid gap-x-6 gap-y-1 sm:grid-cols-2">
      {items.map((s) => (
        <li key={s.keys}>
          <kbd className="rounded border border-gray-400 bg-white px-1 font-mono text-xs">{s.keys.trimEnd()}</kbd>
          {s.keys.endsWith(" ") ? " then a space" : ""}: {s.does}
        </li>
      ))}
    </ul>
  );
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer font-medium">Shortcuts</summary>
      <div className="mt-1 space-y-2 rounded border border-gray-300 bg-gray-50 p-3">
        <p className="font-semibold">Keys (⌘ for Ctrl on a Mac)</p>
        {list(KEY_SHORTCUTS)}
        <p className="font-semibold">Markdown, typed at the start of a line or around words</p>
        {list(MARKDOWN_SHORTCUTS)}
      </div>
    </details>
  );
}
