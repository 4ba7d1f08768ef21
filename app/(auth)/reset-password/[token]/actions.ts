"use server";
/** Completing a password reset: the new password; every session of the account ends, then the person signs in. */
import { ok, publicFormAction } from "@/lib/actions/safe-action";
import { completePasswordReset } from "@/lib/data/password-resets";
import { PasswordResetSchema } from "@/lib/validation/users";

export const completePasswordResetAction = publicFormAction(
  { schema: PasswordResetSchema, fields: ["token", "password", "confirmPassword"], redirect: () => "/login?reason=password-reset" },
  async ({ token, password }, { ip }) => {
    await completePasswordReset(token, password, { ip });
    return ok(undefined);
  },
);
