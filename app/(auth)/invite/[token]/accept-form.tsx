"use client";
import { TextField } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { TokenForm } from "../../token-form";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  return (
    <TokenForm action={acceptInvitationAction} token={token} submitLabel="Create my account" pendingLabel="Creating your account…">
      {(errors) => (
        <>
          <TextField id="name" name="name" label="Your name" hint="As readers will see it in bylines." autoComplete="name" required error={errors.name} />
          <NewPasswordFields label="Password" errors={errors} />
        </>
      )}
    </TokenForm>
  );
}
