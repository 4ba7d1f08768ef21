"use client";
import { useActionForm } from "@/components/admin/use-action-form";
import { FormMessage, PRIMARY_BUTTON, TextField } from "@/components/admin/fields";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(requestPasswordResetAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={state && (state.ok || !state.fieldErrors) ? state : null} />
      <TextField id="email" name="email" type="email" label="Email" autoComplete="username" required error={errors.email} />
      <button type="submit" disabled={pending} className={`w-full ${PRIMARY_BUTTON}`}>
        {pending ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}
