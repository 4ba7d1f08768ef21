"use client";

/**
 * A text that one of the editor's side panels or fields asks for (a note, a correction, a tag being typed), with its
 * own error: the error goes as soon as the text is edited, fail() shows one and moves the focus to the field, and send() runs the panel's server
 * action with it. `field` spreads onto a kit field (TextField, TextAreaField); `control` onto a bare input.
 */
import { useRef, useState, type ChangeEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";

export function usePanelText<E extends HTMLInputElement | HTMLTextAreaElement>(initial = "") {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<E>(null);
  const control = {
    ref,
    value,
    onChange: (event: ChangeEvent<E>) => {
      setValue(event.target.value);
      setError(null);
    },
  };

  /** Runs `action`; true when it worked (the text is emptied), else its error shows (the field's own, if it has one). */
  const send = async (action: () => Promise<ActionResult<unknown>>, fieldName: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) {
        setValue("");
        return true;
      }
      setError(result.fieldErrors?.[fieldName] ?? result.message);
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setBusy(false);
    }
    return false;
  };

  return {
    value,
    setValue,
    error: error ?? undefined,
    setError,
    busy,
    fail: (message: string) => {
      setError(message);
      ref.current?.focus();
    },
    send,
    control,
    field: { ...control, error: error ?? undefined },
  };
}
