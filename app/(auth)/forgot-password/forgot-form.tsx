"use client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(requestPasswordResetAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={message} />
      <TextField id="email" name="email" type="email" label="Email" autoComplete="username" required error={errors.email} />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Sending…" className="w-full">
        Send me a reset link
      </Button>
    </form>
  );
}
