"use client";
import { useActionForm } from "@/components/admin/use-action-form";
import { FormMessage, PRIMARY_BUTTON, TextField } from "@/components/admin/fields";
import { acceptInvitationAction } from "./actions";

const PASSWORD_HINT = "At least 12 characters. A few unrelated words work well; common passwords are refused.";

export function AcceptInvitationForm({ token }: { token: string }) {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(acceptInvitationAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={state && !state.ok && !state.fieldErrors ? state : null} />
      {errors.token && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
          {errors.token}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <TextField id="name" name="name" label="Your name" hint="As readers will see it in bylines." autoComplete="name" required error={errors.name} />
      <TextField id="password" name="password" type="password" label="Password" hint={PASSWORD_HINT} autoComplete="new-password" required error={errors.password} />
      <TextField id="confirmPassword" name="confirmPassword" type="password" label="Confirm password" autoComplete="new-password" required error={errors.confirmPassword} />
      <button type="submit" disabled={pending} className={`w-full ${PRIMARY_BUTTON}`}>
        {pending ? "Creating your account…" : "Create my account"}
      </button>
    </form>
  );
}
