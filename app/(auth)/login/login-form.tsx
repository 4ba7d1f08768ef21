"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

const GENERIC_ERROR = "That email and password do not match an active account.";

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
        setError(GENERIC_ERROR);
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
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate={false}>
      {error && (
        <p id="login-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded border border-gray-400 px-3 py-2" aria-describedby={error ? "login-error" : undefined} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
