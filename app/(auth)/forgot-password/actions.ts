"use server";
/**
 * "Forgot password?": always the same answer, whether or not the email has an account. The email (if any) is sent
 * after the response, so the response time does not tell either.
 */
import { headers } from "next/headers";
import { after } from "next/server";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requestIp } from "@/lib/auth/options";
import { requestPasswordReset } from "@/lib/data/password-resets";
import { formValues } from "@/lib/validation/admin";
import { PasswordResetRequestSchema } from "@/lib/validation/users";

const RESET_REQUESTED_MESSAGE =
  "If there is an active account for that email, we have sent it a link to choose a new password. The link works for one hour. Check your inbox (and spam folder).";

export async function requestPasswordResetAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = PasswordResetRequestSchema.safeParse(formValues(formData, ["email"]));
  if (!parsed.success) return failure(parsed.error);
  const ip = requestIp(await headers());
  try {
    const send = await requestPasswordReset(parsed.data.email, ip);
    if (send) after(async () => void (await send()));
  } catch (error) {
    console.error("[dateline] password reset request failed", error);
  }
  return { ok: true, data: undefined, message: RESET_REQUESTED_MESSAGE };
}
