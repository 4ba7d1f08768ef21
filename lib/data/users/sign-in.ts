/**
 * Signing in: the credentials lookup, the record of every attempt, the rate limits, and the re-read of the session's
 * user on every staff request (lib/auth/session.ts), which is what makes a deactivation or a role change apply at once.
 *
 * Rate limits, counted in PostgreSQL ("SignInAttempt") so every app instance shares them:
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
import { writeAudit } from "../audit";
import type { SessionUser } from "../types";
import { normalizeEmail, sessionUserSelect } from "./accounts";

/** What sign-in needs: the only query that reads the password hash. */
export async function findUserForSignIn(email: string) {
  return getDb().user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...sessionUserSelect, status: true, sessionVersion: true, passwordHash: true },
  });
}

/**
 * Re-reads the session's user on every dashboard/admin request: null when the account is no longer ACTIVE or the
 * session's version is stale (deactivated, password changed, signed out everywhere).
 */
export async function getActiveSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({
    where: { id },
    select: { ...sessionUserSelect, status: true, sessionVersion: true },
  });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, slug: user.slug, role: user.role };
}

export async function recordSuccessfulSignIn(user: { id: string; email: string }, ip: string): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await tx.signInAttempt.create({ data: { email: user.email, ip, succeeded: true } });
    await writeAudit(tx, { actor: user, action: "auth.sign_in", targetType: "User", targetId: user.id, ip });
  });
}

/**
 * A refused sign-in: counted for the rate limit (below) and written to the audit log. `reason`
 * is for the log only; the person signing in always gets the same generic message.
 */
export async function recordFailedSignIn(email: string, ip: string, reason: "credentials" | "rate_limited" = "credentials"): Promise<void> {
  const db = getDb();
  const normalized = normalizeEmail(email).slice(0, 320);
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email: normalized, ip, succeeded: false } });
    await writeAudit(tx, {
      action: "auth.sign_in_failed",
      targetType: "User",
      ip,
      details: reason === "credentials" ? { email: normalized } : { email: normalized, reason },
    });
  });
}

export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

/** Rows older than this are of no use to the limits (the audit log keeps the history). */
const KEEP_ATTEMPTS_MS = 24 * 60 * 60_000;

export type SignInLimit = { limited: false } | { limited: true; by: "account" | "address" };

export async function checkSignInLimit(email: string, ip: string, now: Date = new Date()): Promise<SignInLimit> {
  const db = getDb();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const normalized = normalizeEmail(email).slice(0, 320);
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
