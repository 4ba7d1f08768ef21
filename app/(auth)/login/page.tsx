import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

/** Messages for people arriving from the invitation and password pages. */
const WELCOME = {
  invited: "Your account is ready. Sign in with your email and the password you chose.",
  "password-reset": "Your password was changed. Sign in with the new one.",
  "password-changed": "Your password was changed and every other session was signed out. Sign in with the new one.",
} as const;

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold">Sign in to Dateline</h1>
      <p className="mt-2 text-sm text-muted">For newsroom staff.</p>
      {params.reason === "session-ended" && (
        <p role="status" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          Your session has ended. Please sign in again.
        </p>
      )}
      {params.reason && Object.hasOwn(WELCOME, params.reason) && (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 p-3 text-sm text-green-900">
          {WELCOME[params.reason as keyof typeof WELCOME]}
        </p>
      )}
      <LoginForm returnTo={returnTo} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="underline">
          Forgot password?
        </Link>
      </p>
    </main>
  );
}
