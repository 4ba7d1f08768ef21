/**
 * The new password and its confirmation, named `password` and `confirmPassword` as the password schemas expect
 * (lib/validation/users.ts), with the rules in the hint. label "Password" on an account's first password, "New
 * password" (the default) when it replaces one; the confirmation's label follows ("Confirm new password").
 *
 *   <NewPasswordFields errors={errors} />
 */
import { TextField } from "./field";

const PASSWORD_HINT = "At least 12 characters. A few unrelated words work well; common passwords are refused.";

export function NewPasswordFields({ label = "New password", errors }: { label?: "Password" | "New password"; errors: Record<string, string> }) {
  return (
    <>
      <TextField id="password" name="password" type="password" label={label} hint={PASSWORD_HINT} autoComplete="new-password" required error={errors.password} />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={`Confirm ${label.toLowerCase()}`}
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
    </>
  );
}
