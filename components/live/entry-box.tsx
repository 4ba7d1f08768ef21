"use client";

/**
 * The composer's entry box: title, body (the article editor's own Tiptap kit), key event / pinned, co-authors. It
 * posts a new entry, or saves the entry being edited; Ctrl+Enter (⌘+Enter) does the same from anywhere in the box.
 * A new entry's draft is autosaved a second after the last change (and restored when the page opens again).
 */
import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { BodyEditor } from "@/components/editor/body-editor";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { editLiveEntryAction, postLiveEntryAction, saveLiveDraftAction } from "@/lib/actions/live";
import type { ActionResult } from "@/lib/actions/result";
import { emptyDocument, type DocNode } from "@/lib/content/document";
import type { ComposerEntry, ComposerProps } from "./types";

const AUTOSAVE_MS = 1_000;

type Props = Pick<ComposerProps, "story" | "coAuthors" | "draft" | "media"> & {
  editing: ComposerEntry | null;
  onDone: (message: string) => void;
  onCancelEdit: () => void;
};

export function EntryBox({ story, coAuthors, draft, media, editing, onDone, onCancelEdit }: Props) {
  const editor = useRef<Editor | null>(null);
  // The composer mounts a new box for each entry it edits (its key): the box starts from that entry, or the draft.
  const start = editing ?? draft;
  const [title, setTitle] = useState(start?.title ?? "");
  const [isKeyEvent, setKeyEvent] = useState(start?.isKeyEvent ?? false);
  const [isPinned, setPinned] = useState(start?.isPinned ?? false);
  const [authorIds, setAuthorIds] = useState<string[]>(() => (editing?.authors ?? []).map((a) => a.id).filter((id) => coAuthors.some((c) => c.id === id)));
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const autosave = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clear = () => {
    setTitle("");
    titleNow.current = "";
    setKeyEvent(false);
    setPinned(false);
    setAuthorIds([]);
    // Not a change of the person's: no draft save follows (its "Draft saved." would replace "Posted.").
    editor.current?.commands.setContent(emptyDocument(), { emitUpdate: false });
    editor.current?.commands.focus();
  };

  // The title as typed this instant (a post's answer compares it with what was posted).
  const titleNow = useRef(title);
  const current = () => ({ title: titleNow.current, body: (editor.current?.getJSON() ?? emptyDocument()) as DocNode, isKeyEvent, isPinned });

  // A draft save still on its way when the entry is posted: the post waits for it (posting deletes the draft, which
  // a late save would write back), and its "Draft saved." must not replace "Posted.".
  const draftSave = useRef<Promise<unknown> | null>(null);
  const posts = useRef(0);
  const scheduleDraft = (next?: Partial<ReturnType<typeof current>>) => {
    if (editing) return;
    if (autosave.current) clearTimeout(autosave.current);
    autosave.current = setTimeout(() => {
      autosave.current = null;
      const since = posts.current;
      draftSave.current = saveLiveDraftAction({ articleId: story.id, ...current(), ...next }).then((result) => {
        if (since === posts.current) setStatus(result.ok ? { ok: true, message: "Draft saved." } : { ok: false, message: result.message });
      });
    }, AUTOSAVE_MS);
  };
  useEffect(() => () => clearTimeout(autosave.current ?? undefined), []);

  const isPosting = useRef(false);
  const submit = async () => {
    // A second Ctrl+Enter before the first post has answered posts nothing.
    if (isPosting.current) return;
    isPosting.current = true;
    if (autosave.current) clearTimeout(autosave.current);
    posts.current++;
    setPending(true);
    await draftSave.current?.catch(() => {});
    setStatus(null);
    const content = { ...current(), authorIds };
    let result: ActionResult<unknown>;
    try {
      result = editing
        ? await editLiveEntryAction({ ...content, entryId: editing.id, baseVersion: editing.version })
        : await postLiveEntryAction({ ...content, articleId: story.id });
    } finally {
      setPending(false);
      isPosting.current = false;
    }
    if (!result.ok) {
      setStatus({ ok: false, message: result.message });
      return;
    }
    setStatus({ ok: true, message: result.message ?? "Done." });
    // Whatever was typed into the box while the post was on its way stays.
    const now = current();
    if (!editing && now.title === content.title && JSON.stringify(now.body) === JSON.stringify(content.body)) clear();
    onDone(result.message ?? "");
  };

  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    // Before the body sees it (Tiptap would insert a line break).
    event.preventDefault();
    event.stopPropagation();
    void submit();
  };

  const canWrite = editing !== null || story.isOpen;
  return (
    <form
      aria-label={editing ? "Edit entry" : "New entry"}
      className="space-y-3 rounded border border-gray-300 bg-white p-4"
      onKeyDownCapture={onKeyDownCapture}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 className="text-lg font-semibold">{editing ? "Edit entry" : "New entry"}</h2>
      <TextField id="entry-title" label="Title (optional)" value={title} maxLength={200} onChange={(e) => {
          setTitle(e.target.value);
          titleNow.current = e.target.value;
          scheduleDraft();
        }} />
      <div>
        <label id="entry-body-label" className="block text-sm font-semibold" onClick={() => editor.current?.commands.focus()}>
          Update
        </label>
        <div className="mt-1">
          <BodyEditor
            initialContent={start?.body ?? emptyDocument()}
            media={media}
            labelId="entry-body-label"
            describedBy="entry-body-hint"
            onReady={(created) => {
              editor.current = created;
              if (editing) created.commands.focus("end");
            }}
            onChange={() => scheduleDraft()}
          />
        </div>
        <p id="entry-body-hint" className="mt-1 text-sm text-muted">
          Ctrl+Enter posts. {story.isPublished ? "Entries appear on the story's page at once." : "Entries appear on the story's page once the story is published."}
        </p>
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <CheckboxField id="entry-key-event" label="Key event" checked={isKeyEvent} onChange={(e) => { setKeyEvent(e.target.checked); scheduleDraft({ isKeyEvent: e.target.checked }); }} />
        <CheckboxField id="entry-pinned" label="Pinned" checked={isPinned} onChange={(e) => { setPinned(e.target.checked); scheduleDraft({ isPinned: e.target.checked }); }} />
        {coAuthors.map((author) => (
          <CheckboxField
            key={author.id}
            id={`entry-author-${author.id}`}
            label={`With ${author.name}`}
            checked={authorIds.includes(author.id)}
            onChange={(e) => setAuthorIds((ids) => (e.target.checked ? [...ids, author.id] : ids.filter((id) => id !== author.id)))}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" pending={pending} pendingLabel={editing ? "Saving…" : "Posting…"} disabled={!canWrite}>
          {editing ? "Save entry" : "Post"}
        </Button>
        {editing && <Button onClick={onCancelEdit}>Cancel edit</Button>}
        <p role="status" className={`text-sm ${status && !status.ok ? "font-semibold text-red-800" : "text-muted"}`}>
          {status?.message ?? ""}
        </p>
      </div>
    </form>
  );
}
