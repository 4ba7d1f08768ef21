"use client";

/** Editorial notes: the internal thread between the desk and the authors. Never shown to readers. */
import { useRouter } from "next/navigation";
import { memo, useId, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { addNoteAction } from "@/lib/actions/notes";
import type { NoteItem } from "./types";
import { usePanelText } from "./use-panel-text";

export const NotesPanel = memo(function NotesPanel({ articleId, notes }: { articleId: string; notes: NoteItem[] }) {
  const id = useId();
  const router = useRouter();
  const note = usePanelText<HTMLTextAreaElement>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.value.trim()) {
      note.fail("Write a note first.");
      return;
    }
    if (await note.send(() => addNoteAction(articleId, note.value), "body")) router.refresh();
  };

  return (
    <Panel id={id} title="Editorial notes">
      {notes.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No notes yet.</p>
      ) : (
        <ol className="mt-2 space-y-3" aria-labelledby={`${id}-heading`}>
          {notes.map((note) => (
            <li key={note.id} className="rounded bg-gray-50 p-2 text-sm">
              <p className="text-xs text-muted">
                <span className="font-semibold text-ink">{note.author}</span> · <time dateTime={note.createdAt}>{note.createdAtLabel}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="mt-3 space-y-2">
        <TextAreaField id={`${id}-note`} label="Note" rows={3} {...note.field} />
        <Button type="submit" disabled={note.busy}>
          Add note
        </Button>
      </form>
    </Panel>
  );
});
