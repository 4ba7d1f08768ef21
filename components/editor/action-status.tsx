"use client";

/**
 * The end of an editor panel's action: what went wrong (and what the publish checklist misses), or the sentence a
 * screen reader announces; and the confirmation step of an action that cannot be taken back.
 */
import { Button } from "@/components/ui/button";
import type { ActionFailureView } from "./use-editor-action";

export function ActionStatus({ busy, failure, notice }: { busy: boolean; failure: ActionFailureView | null; notice: string }) {
  return (
    <>
      {failure && (
        <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm">
          <p className="font-semibold text-red-900">{failure.message}</p>
          {failure.missing.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {failure.missing.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p aria-live="polite" className="mt-2 text-sm font-semibold text-green-900">
        {busy ? "Working…" : notice}
      </p>
    </>
  );
}

type ConfirmProps = { id: string; question: string; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void };

/** "Are you sure?" with the one button that does it and one that steps back. */
export function ConfirmStep({ id, question, confirmLabel, busy, onConfirm, onCancel }: ConfirmProps) {
  return (
    <div role="group" aria-labelledby={id} className="mt-3 rounded border border-red-300 bg-red-50 p-3">
      <p id={id} className="text-sm font-semibold">
        {question}
      </p>
      <div className="mt-2 flex gap-2">
        <Button variant="danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
