"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/form-message";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

export function LoginForm({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result || result.error || !result.ok) {
        setError(signInErrorMessage(result?.error));
        setPending(false);
        return;
      }
      // A full navigation: a client-side push can follow a prefetched proxy redirect back to /login.
      window.location.assign(returnTo);
    } catch {
      setError("Sign-in is not available right now. Please try again in a moment.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      {error && (
        <Notice tone="error" id="login-error">
          {error}
        </Notice>
      )}
      <TextField id="email" name="email" type="email" label="Email" autoComplete="username" required aria-describedby={error ? "login-error" : undefined} />
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </Button>
    </form>
  );
}
