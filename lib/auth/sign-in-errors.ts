/**
 * What the sign-in form says when next-auth refuses. authorize() (lib/auth/options.ts) returns null for wrong
 * credentials (one generic message, whatever was wrong) and throws these codes for the two refusals a person should
 * understand: a limit's delay (lib/data/users/sign-in.ts), which applies to any email typed so it tells nothing about
 * which accounts exist, and a server too busy to check a password right now. next-auth hands the code to the form
 * as `error`.
 */

export const GENERIC_SIGN_IN_ERROR = "That email and password do not match an active account.";
export const SIGN_IN_BUSY = "SignInBusy";
const DELAYED = /^SignInDelayed:(account|address):(\d+)$/;

export function signInDelayedCode(by: "account" | "address", retryAfterMs: number): string {
  return `SignInDelayed:${by}:${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;
}

function inAbout(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}

export function signInErrorMessage(code: string | null | undefined): string {
  if (code === SIGN_IN_BUSY) return "Sign-in is busy right now. Please try again in a few seconds.";
  const delayed = DELAYED.exec(code ?? "");
  if (delayed?.[1] === "account") {
    return `Too many failed sign-ins for this account. Try again in ${inAbout(Number(delayed[2]))}, or choose a new password with “Forgot password?”.`;
  }
  if (delayed) return `Too many failed sign-ins from your network. Try again in ${inAbout(Number(delayed[2]))}.`;
  return GENERIC_SIGN_IN_ERROR;
}
