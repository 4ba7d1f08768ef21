"use client";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { TokenForm } from "../../token-form";
import { completePasswordResetAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <TokenForm action={completePasswordResetAction} token={token} submitLabel="Set new password" pendingLabel="Saving…">
      {(errors) => <NewPasswordFields errors={errors} />}
    </TokenForm>
  );
}
