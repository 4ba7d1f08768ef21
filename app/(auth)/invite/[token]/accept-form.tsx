"use client";
/**
 * Accepting an invitation: name and password; once the account exists, the one-time token the action returns signs
 * the new person in (next-auth's "one-time" provider, in a POST) and they land on the dashboard. Should that fail,
 * the sign-in page takes over with their new password.
 */
import { signIn } from "next-auth/react";
import { TextField } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/ui/new-password-fields";
import { TokenForm } from "../../token-form";
import { acceptInvitationAction } from "./actions";

async function signInWith({ signInToken }: { signInToken: string }) {
  const result = await signIn("one-time", { token: signInToken, redirect: false }).catch(() => null);
  // A full navigation: a client-side push can follow a prefetched proxy redirect back to /login.
  window.location.assign(result?.ok && !result.error ? "/dashboard" : "/login?reason=invited");
}

export function AcceptInvitationForm({ token }: { token: string }) {
  return (
    <TokenForm action={acceptInvitationAction} token={token} submitLabel="Create my account" pendingLabel="Creating your account…" onSuccess={(data) => void signInWith(data)}>
      {(errors) => (
        <>
          <TextField id="name" name="name" label="Your name" hint="As readers will see it in bylines." autoComplete="name" required error={errors.name} />
          <NewPasswordFields label="Password" errors={errors} />
        </>
      )}
    </TokenForm>
  );
}
