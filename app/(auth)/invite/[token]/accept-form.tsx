"use client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage, Notice } from "@/components/ui/form-message";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(acceptInvitationAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={message} />
      {errors.token && <Notice tone="error">{errors.token}</Notice>}
      <input type="hidden" name="token" value={token} />
      <TextField id="name" name="name" label="Your name" hint="As readers will see it in bylines." autoComplete="name" required error={errors.name} />
      <NewPasswordFields label="Password" errors={errors} />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Creating your account…" className="w-full">
        Create my account
      </Button>
    </form>
  );
}
