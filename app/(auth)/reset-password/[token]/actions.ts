"use server";
/** Completing a password reset: the new password; every session of the account ends, then the person signs in. */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requestIp } from "@/lib/auth/options";
import { completePasswordReset } from "@/lib/data/password-resets";
import { formValues } from "@/lib/validation/admin";
import { PasswordResetSchema } from "@/lib/validation/users";

export async function completePasswordResetAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = PasswordResetSchema.safeParse(formValues(formData, ["token", "password", "confirmPassword"]));
  if (!parsed.success) return failure(parsed.error);
  const ip = requestIp(await headers());
  try {
    await completePasswordReset(parsed.data.token, parsed.data.password, { ip });
  } catch (error) {
    return failure(error);
  }
  redirect("/login?reason=password-reset");
}
