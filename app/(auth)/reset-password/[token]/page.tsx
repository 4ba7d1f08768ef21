/** /reset-password/{token}: choose a new password with a reset link (admin-issued or requested from sign-in). */
import type { Metadata } from "next";
import { connection } from "next/server";
import { LinkNotWorking } from "../../link-not-working";
import { getPasswordResetForToken, INVALID_RESET_MESSAGE } from "@/lib/data/password-resets";
import { ResetPasswordForm } from "./reset-form";

// The token is a secret: keep it out of Referer headers sent to other sites.
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const reset = await getPasswordResetForToken(token);
  if (!reset) return <LinkNotWorking title="This reset link does not work" message={INVALID_RESET_MESSAGE} href="/forgot-password" linkText="Ask for a new link" />;
  return (
    <>
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <p className="mt-2 text-sm">
        For <strong>{reset.email}</strong>. Every device signed in to this account will be signed out.
      </p>
      <ResetPasswordForm token={token} />
    </>
  );
}
