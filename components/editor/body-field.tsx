"use client";

/** The body: its label, the editor bound to the shared document (memoized: typing re-renders nothing here), the word count. */
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useMemo } from "react";
import type * as Y from "yjs";
import { MIN_BODY_WORDS } from "@/lib/validation/articles";
import { BodyEditor } from "./body-editor";
import { KEY_SHORTCUTS, MARKDOWN_SHORTCUTS, type Shortcut } from "./shortcuts";
import type { MediaOption } from "./types";
import type { ArticleFieldsState } from "./use-article-fields";
import type { PresenceUser } from "./use-presence";

/** The shared document the body is bound to; the editor is made once the connection exists. */
export type SharedBody = { doc: Y.Doc; provider: HocuspocusProvider | null; user: PresenceUser; editable: boolean };

type Props = { form: ArticleFieldsState; body: SharedBody; media: MediaOption[]; locale: string };

export function BodyField({ form, body, media, locale }: Props) {
  const { words } = form;
  // One object per connection, so the memoized editor is not re-rendered by the form's own renders.
  const { doc, provider, user } = body;
  const shared = useMemo(() => (provider ? { doc, provider, user } : null), [doc, provider, user]);
  const error = form.fieldErrors.body;
  return (
    <div>
      {/* The body is a contenteditable, not a form control: the label names it through aria-labelledby. */}
      <label id="body-label" className="block text-sm font-semibold" onClick={form.focusBody}>
        Body
      </label>
      <div className="mt-1 min-w-0">
        {shared ? (
          <BodyEditor
            key={shared.provider.configuration.name}
            shared={shared}
            editable={body.editable}
            media={media}
            labelId="body-label"
            describedBy="body-hint body-error"
            onReady={form.editorReady}
            onChange={form.bodyChanged}
          />
        ) : (
          <div className="min-h-[24rem] rounded border border-gray-500 bg-white px-4 py-3 text-muted">Loading the editor…</div>
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
