"use server";
/**
 * "Forgot password?": always the same answer, whether or not the email has an account. The email (if any) is sent
 * after the response, so the response time does not tell either; a failure is logged, never shown.
 */
import { after } from "next/server";
import { ok, publicFormAction } from "@/lib/actions/safe-action";
import { requestPasswordReset } from "@/lib/data/password-resets";
import { PasswordResetRequestSchema } from "@/lib/validation/users";

const RESET_REQUESTED_MESSAGE =
  "If there is an active account for that email, we have sent it a link to choose a new password. The link works for one hour. Check your inbox (and spam folder).";

export const requestPasswordResetAction = publicFormAction({ schema: PasswordResetRequestSchema, fields: ["email"] }, async ({ email }, { ip }) => {
  try {
    const send = await requestPasswordReset(email, ip);
    if (send) after(async () => void (await send()));
  } catch (error) {
    console.error("[dateline] password reset request failed", error);
  }
  return ok(undefined, RESET_REQUESTED_MESSAGE);
});
