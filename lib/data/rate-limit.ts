/**
 * Sign-in rate limits, counted in PostgreSQL ("SignInAttempt") so every app instance shares them:
 * - per account: 5 failures in 15 minutes (since the account's last successful sign-in) and the account is
 *   refused until the oldest of them leaves the window;
 * - per address: 20 failures in 15 minutes from one client IP, whatever emails they tried.
 * A limited attempt is answered with the same generic message as a wrong password, is counted as a failure itself
 * (so hammering keeps the door shut), and is checked before the password, so it costs no bcrypt time.
 * The per-account count is by the email typed, existing or not, so the limit cannot tell an attacker which
 * accounts exist.
 */
import "server-only";
import { getDb } from "@/lib/db";

export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

/** Rows older than this are of no use to the limits (the audit log keeps the history). */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60_000;

export type SignInLimit = { limited: false } | { limited: true; by: "account" | "address" };

export async function checkSignInLimit(email: string, ip: string, now: Date = new Date()): Promise<SignInLimit> {
  const db = getDb();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const normalized = email.trim().toLowerCase().slice(0, 320);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email: normalized, succeeded: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess?.createdAt ?? since;
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.count({ where: { email: normalized, succeeded: false, createdAt: { gt: accountSince } } }),
    // Without a known address every client would share one bucket: only the per-account limit applies then.
    ip && ip !== "unknown" ? db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gt: since } } }) : Promise.resolve(0),
  ]);
  if (Math.random() < 0.01) void pruneSignInAttempts(now).catch(() => {});
  if (accountFailures >= SIGN_IN_LIMITS.perAccount) return { limited: true, by: "account" };
  if (addressFailures >= SIGN_IN_LIMITS.perAddress) return { limited: true, by: "address" };
  return { limited: false };
}

/** Deletes attempts too old to count (called now and then by checkSignInLimit). */
export async function pruneSignInAttempts(now: Date = new Date()): Promise<number> {
  const { count } = await getDb().signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_ATTEMPTS_MS) } } });
  return count;
}
