"use server";
/**
 * "Forgot password?": always the same answer, whether or not the email has an account. Everything that depends on
 * the account (the lookup, the link, the audit entry, the email) runs after the response (next/server `after`), so
 * neither the answer nor its timing tells (issue 20, finding 8). A failure is logged, never shown.
 */
import { after } from "next/server";
import { ok, publicFormAction } from "@/lib/actions/safe-action";
import { requestPasswordReset } from "@/lib/data/password-resets";
import { PasswordResetRequestSchema } from "@/lib/validation/users";

const RESET_REQUESTED_MESSAGE =
  "If there is an active account for that email, we have sent it a link to choose a new password. The link works for one hour. Check your inbox (and spam folder).";

export const requestPasswordResetAction = publicFormAction({ schema: PasswordResetRequestSchema, fields: ["email"] }, async ({ email }, { ip }) => {
  after(async () => {
    try {
      const send = await requestPasswordReset(email, ip);
      await send?.();
    } catch (error) {
      console.error("[dateline] password reset request failed", error);
    }
  });
  return ok(undefined, RESET_REQUESTED_MESSAGE);
});
