"use client";

/** Corrections, updates and clarifications on a published article: shown on its public page with their dates. */
import { useRouter } from "next/navigation";
import { memo, useId, useRef, useState, type FormEvent } from "react";
import { addCorrectionAction } from "@/lib/actions/workflow";
import { buttonClass, errorClass, hintClass, inputClass, labelClass, panelClass, panelHeadingClass } from "./ui";

const KINDS = [
  { value: "CORRECTION", label: "Correction" },
  { value: "UPDATE", label: "Update" },
  { value: "CLARIFICATION", label: "Clarification" },
] as const;

export const CorrectionsPanel = memo(function CorrectionsPanel({ articleId }: { articleId: string }) {
  const id = useId();
  const router = useRouter();
  const [kind, setKind] = useState<string>("CORRECTION");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice("");
    if (text.trim().length < 10) {
      setError("Describe the correction in a sentence.");
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await addCorrectionAction({ articleId, kind, text });
      if (result.ok) {
        setText("");
        setNotice(`${KINDS.find((k) => k.value === kind)?.label ?? "Correction"} added: readers see it on the article page.`);
        router.refresh();
      } else {
        setError(result.fieldErrors?.text ?? result.message);
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
        Corrections
      </h2>
      <p className={hintClass}>Added at once to the public article, with today’s date.</p>
      <form onSubmit={submit} className="mt-2">
        <label htmlFor={`${id}-kind`} className={labelClass}>
          Kind
        </label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-text`} className={`${labelClass} mt-2`}>
          Correction text
        </label>
        <textarea
          ref={textarea}
          id={`${id}-text`}
          rows={3}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
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
          Add correction
        </button>
        <p aria-live="polite" className="mt-2 text-sm font-semibold text-green-900">
          {notice}
        </p>
      </form>
    </section>
  );
});
