"use client";
/**
 * A form that is one button: it posts `fields` (hidden inputs) to a server action and shows the outcome under the
 * button, and `result` renders what the action returned (a link to copy, say) after it worked.
 *
 *   <ActionButton action={revokeInvitationAction} fields={{ invitationId }} variant="danger" aria-label={`Revoke the invitation to ${email}`}>
 *     Revoke
 *   </ActionButton>
 *
 * With `confirm`, the button first asks: the question and a "Yes, …" button that submits appear in its place (the
 * focus moves to that button), and "Cancel" puts the first button back (and the focus on it). A step in the page
 * rather than window.confirm: it reads like the rest of the page, and keyboards and screen readers handle it alike.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { FormMessage } from "./form-message";
import { useActionForm, type FormAction } from "./use-action-form";

type Props<T> = {
  action: FormAction<T>;
  fields: Record<string, string>;
  variant?: ButtonVariant;
  "aria-label"?: string;
  result?: (data: T) => ReactNode;
  confirm?: { question: string; confirmLabel: string };
  children: ReactNode;
};

export function ActionButton<T>({ action, fields, variant, "aria-label": label, result, confirm, children }: Props<T>) {
  const { state, pending, onSubmit, formRef } = useActionForm(action);
  // Asking lasts until Cancel or the action's next answer (a new state), whichever comes first.
  const [askedAt, setAskedAt] = useState<{ state: typeof state } | null>(null);
  const isAsking = askedAt !== null && askedAt.state === state;
  const questionId = useId();
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const hasAsked = useRef(false);

  // Focus follows the step: onto "Yes, …" when it appears, back onto the first button after "Cancel" or an answer.
  useEffect(() => {
    if (hasAsked.current) (isAsking ? confirmRef : askRef).current?.focus();
  }, [isAsking]);
  const ask = (value: boolean) => {
    hasAsked.current = true;
    setAskedAt(value ? { state } : null);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && isAsking ? (
        <div role="group" aria-labelledby={questionId} className="rounded border border-red-300 bg-red-50 p-3">
          <p id={questionId} className="text-sm font-semibold">
            {confirm.question}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button ref={confirmRef} type="submit" variant={variant} pending={pending}>
              {confirm.confirmLabel}
            </Button>
            <Button disabled={pending} onClick={() => ask(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={askRef} type={confirm ? "button" : "submit"} variant={variant} disabled={pending} aria-label={label} onClick={confirm ? () => ask(true) : undefined}>
          {children}
        </Button>
      )}
      <FormMessage state={state} />
      {state?.ok && result?.(state.data)}
    </form>
  );
}
