"use client";
import { Button } from "@/components/ui/button";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { completePasswordResetAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(completePasswordResetAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={message} />
      {errors.token && <Notice tone="error">{errors.token}</Notice>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={errors} />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Saving…" className="w-full">
        Set new password
      </Button>
    </form>
  );
}
