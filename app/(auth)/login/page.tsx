import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Notice } from "@/components/ui/form-message";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getEnv } from "@/lib/env";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

/** Messages for people arriving from the invitation and password pages. */
const WELCOME = {
  invited: "Your account is ready. Sign in with your email and the password you chose.",
  "password-reset": "Your password was changed. Sign in with the new one.",
  "password-changed": "Your password was changed and every other session was signed out. Sign in with the new one.",
  "signed-out-everywhere": "You were signed out everywhere: every session of your account has ended. Sign in again to continue.",
} as const;

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl, getEnv().siteUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <>
      <h1 className="text-2xl font-bold">Sign in to Dateline</h1>
      <p className="mt-2 text-sm text-muted">For newsroom staff.</p>
      {params.reason === "session-ended" && (
        <Notice tone="warning" className="mt-4">
          Your session has ended. Please sign in again.
        </Notice>
      )}
      {params.reason && Object.hasOwn(WELCOME, params.reason) && (
        <Notice tone="success" className="mt-4">
          {WELCOME[params.reason as keyof typeof WELCOME]}
        </Notice>
      )}
      <LoginForm returnTo={returnTo} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="underline">
          Forgot password?
        </Link>
      </p>
    </>
  );
}
