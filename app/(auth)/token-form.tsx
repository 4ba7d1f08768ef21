"use client";
/**
 * The form behind an invitation or password reset link: the token travels in a hidden field, a refusal of the token
 * itself (used up meanwhile) is an alert above the fields, and success either redirects (the action does it) or
 * hands the action's answer to `onSuccess` (accepting an invitation signs in with it).
 */
import { useEffect, useEffectEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Props<T> = {
  action: FormAction<T>;
  token: string;
  submitLabel: string;
  pendingLabel: string;
  onSuccess?: (data: T) => void;
  children: (errors: Record<string, string>) => ReactNode;
};

export function TokenForm<T>({ action, token, submitLabel, pendingLabel, onSuccess, children }: Props<T>) {
  const { state, pending, onSubmit, formRef, errors, message } = useActionForm(action);
  const succeeded = useEffectEvent((data: T) => onSuccess?.(data));
  useEffect(() => {
    if (state?.ok) succeeded(state.data);
  }, [state]);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={message} />
      {errors.token && <Notice tone="error">{errors.token}</Notice>}
      <input type="hidden" name="token" value={token} />
      {children(errors)}
      <Button type="submit" variant="primary" pending={pending || state?.ok === true} pendingLabel={pendingLabel} className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}
