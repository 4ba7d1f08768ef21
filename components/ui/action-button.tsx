"use client";
/**
 * A form that is one button: it posts `fields` (hidden inputs) to a server action and shows the outcome under the
 * button, and `result` renders what the action returned (a link to copy, say) after it worked.
 *
 *   <ActionButton action={revokeInvitationAction} fields={{ invitationId }} variant="danger" aria-label={`Revoke the invitation to ${email}`}>
 *     Revoke
 *   </ActionButton>
 */
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { FormMessage } from "./form-message";
import { useActionForm, type FormAction } from "./use-action-form";

type Props<T> = {
  action: FormAction<T>;
  fields: Record<string, string>;
  variant?: ButtonVariant;
  "aria-label"?: string;
  result?: (data: T) => ReactNode;
  children: ReactNode;
};

export function ActionButton<T>({ action, fields, variant, "aria-label": label, result, children }: Props<T>) {
  const { state, pending, onSubmit, formRef } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} aria-label={label}>
        {children}
      </Button>
      <FormMessage state={state} />
      {state?.ok && result?.(state.data)}
    </form>
  );
}
