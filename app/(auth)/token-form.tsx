"use client";
/**
 * The form behind an invitation or password reset link: the token travels in a hidden field, a refusal of the token
 * itself (used up meanwhile) is an alert above the fields, and success redirects (the action does it).
 */
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Props = { action: FormAction<undefined>; token: string; submitLabel: string; pendingLabel: string; children: (errors: Record<string, string>) => ReactNode };

export function TokenForm({ action, token, submitLabel, pendingLabel, children }: Props) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={message} />
      {errors.token && <Notice tone="error">{errors.token}</Notice>}
      <input type="hidden" name="token" value={token} />
      {children(errors)}
      <Button type="submit" variant="primary" pending={pending} pendingLabel={pendingLabel} className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}
