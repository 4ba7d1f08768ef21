"use client";

/** Editorial notes: the internal thread between the desk and the authors. Never shown to readers. */
import { useRouter } from "next/navigation";
import { memo, useId, useRef, useState, type FormEvent } from "react";
import { addNoteAction } from "@/lib/actions/notes";
import type { NoteItem } from "./types";
import { buttonClass, errorClass, inputClass, labelClass, panelClass, panelHeadingClass } from "./ui";

export const NotesPanel = memo(function NotesPanel({ articleId, notes }: { articleId: string; notes: NoteItem[] }) {
  const id = useId();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError("Write a note first.");
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await addNoteAction(articleId, body);
      if (result.ok) {
        setBody("");
        router.refresh();
      } else {
        setError(result.fieldErrors?.body ?? result.message);
      }
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className={panelClass}>
      <h2 id={`${id}-heading`} className={panelHeadingClass}>
        Editorial notes
      </h2>
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
      <form onSubmit={submit} className="mt-3">
        <label htmlFor={`${id}-note`} className={labelClass}>
          Note
        </label>
        <textarea
          ref={textarea}
          id={`${id}-note`}
          rows={3}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={inputClass}
        />
        {error && (
          <p id={`${id}-error`} className={errorClass}>
            {error}
          </p>
        )}
        <button type="submit" className={`${buttonClass} mt-2`} disabled={busy}>
          Add note
        </button>
      </form>
    </section>
  );
});
