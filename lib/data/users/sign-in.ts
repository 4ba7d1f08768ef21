/**
 * Signing in: the credentials lookup, the record of every attempt, the limits, and the re-read of the session's
 * user on every staff request (lib/auth/session.ts), which is what makes a deactivation or a role change apply at once.
 *
 * Limits, counted in PostgreSQL ("SignInAttempt") so every app instance shares them (issue 20, finding 5). They slow
 * guessing down without letting anyone lock a colleague out:
 * - per account (by the email typed, existing or not, so nothing tells which accounts exist): the first five
 *   failures are free, then each further attempt must wait a delay that doubles with every failure (30 s, 1 min,
 *   2 min … at most 15 min) after the last one. A successful sign-in, an admin's unlock and a completed password
 *   reset clear the failures; failures older than a day no longer count.
 * - per address: 20 failures in 15 minutes from one client address slow that address down, except for people who
 *   have signed in successfully from it in the last 30 days, so an office behind one NAT is not shut out by someone
 *   else's failures, while a sprayer of fresh emails is.
 * An attempt refused by a limit is checked before the password (no bcrypt time), answered with how long to wait,
 * written to the audit log, and NOT counted: hammering during a delay neither lengthens it nor adds to the count.
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { recordableAddress } from "@/lib/security/client-address";
import { writeAudit } from "../audit";
import { NotFoundError } from "../errors";
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
 * session's version is stale (deactivated, password changed, signed out).
 */
export async function getActiveSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({
    where: { id },
    select: { ...sessionUserSelect, status: true, sessionVersion: true },
  });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, slug: user.slug, role: user.role };
}

export const SIGN_IN_LIMITS = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  /** Failures older than this no longer count for the account (nor are kept: the audit log has the history). */
  keepFailuresMs: 24 * 60 * 60_000,
  perAddress: 20,
  addressWindowMs: 15 * 60_000,
  /** How long a successful sign-in from an address exempts that person from the address's limit. */
  knownAddressMs: 30 * 24 * 60 * 60_000,
} as const;

/** How long an account must wait after its last failure, given its failures so far. */
export function signInDelayMs(failures: number): number {
  if (failures < SIGN_IN_LIMITS.freeFailures) return 0;
  return Math.min(SIGN_IN_LIMITS.maxDelayMs, SIGN_IN_LIMITS.firstDelayMs * 2 ** (failures - SIGN_IN_LIMITS.freeFailures));
}

export type SignInLimit = { limited: false } | { limited: true; by: "account" | "address"; retryAfterMs: number };

function accountFailures(emails: string[], now: Date) {
  return getDb().signInAttempt.groupBy({
    by: ["email"],
    where: { email: { in: emails }, succeeded: false, createdAt: { gt: new Date(now.getTime() - SIGN_IN_LIMITS.keepFailuresMs) } },
    _count: { _all: true },
    _max: { createdAt: true },
  });
}

/** When the account may try again, or null when it may now. */
function accountUntil(row: { _count: { _all: number }; _max: { createdAt: Date | null } } | undefined, now: Date): Date | null {
  if (!row?._max.createdAt) return null;
  const until = new Date(row._max.createdAt.getTime() + signInDelayMs(row._count._all));
  return until > now ? until : null;
}

async function addressUntil(email: string, ip: string, now: Date): Promise<Date | null> {
  if (!ip || ip === "unknown") return null; // every client without an address would share one bucket
  const recent = await getDb().signInAttempt.findMany({
    where: { ip, succeeded: false, createdAt: { gt: new Date(now.getTime() - SIGN_IN_LIMITS.addressWindowMs) } },
    orderBy: { createdAt: "desc" },
    take: SIGN_IN_LIMITS.perAddress,
    select: { createdAt: true },
  });
  if (recent.length < SIGN_IN_LIMITS.perAddress) return null;
  const known = await getDb().signInAttempt.findFirst({
    where: { email, ip, succeeded: true, createdAt: { gt: new Date(now.getTime() - SIGN_IN_LIMITS.knownAddressMs) } },
    select: { id: true },
  });
  // Open again once the oldest of the last `perAddress` failures leaves the window.
  return known ? null : new Date(recent.at(-1)!.createdAt.getTime() + SIGN_IN_LIMITS.addressWindowMs);
}

export async function checkSignInLimit(email: string, ip: string, now: Date = new Date()): Promise<SignInLimit> {
  const normalized = normalizeEmail(email).slice(0, 320);
  const [account, address] = await Promise.all([accountFailures([normalized], now).then((rows) => accountUntil(rows[0], now)), addressUntil(normalized, ip, now)]);
  if (Math.random() < 0.01) void pruneSignInAttempts(now).catch(() => {});
  if (account) return { limited: true, by: "account", retryAfterMs: account.getTime() - now.getTime() };
  if (address) return { limited: true, by: "address", retryAfterMs: address.getTime() - now.getTime() };
  return { limited: false };
}

/** Of these emails, the ones that must wait before their next sign-in, and until when (for the staff list). */
export async function listSignInDelays(actor: SessionUser, emails: string[], now: Date = new Date()): Promise<Map<string, Date>> {
  assertCan(actor.role, "user:read");
  const delays = new Map<string, Date>();
  if (emails.length === 0) return delays;
  for (const row of await accountFailures(emails, now)) {
    const until = accountUntil(row, now);
    if (until) delays.set(row.email, until);
  }
  return delays;
}

/** Forgets an account's failures: after a successful sign-in, an admin's unlock, a completed password reset. */
export async function clearSignInFailures(tx: Pick<DbTx, "signInAttempt">, email: string): Promise<number> {
  const { count } = await tx.signInAttempt.deleteMany({ where: { email: normalizeEmail(email), succeeded: false } });
  return count;
}

export async function recordSuccessfulSignIn(user: { id: string; email: string }, ip: string): Promise<void> {
  const address = recordableAddress(ip);
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await clearSignInFailures(tx, user.email);
    await tx.signInAttempt.create({ data: { email: user.email, ip: address, succeeded: true } });
    await writeAudit(tx, { actor: user, action: "auth.sign_in", targetType: "User", targetId: user.id, ip: address });
  });
}

/** A wrong password, an unknown email or an inactive account: counted for the limits and written to the audit log. */
export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const normalized = normalizeEmail(email).slice(0, 320);
  const address = recordableAddress(ip);
  await getDb().$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email: normalized, ip: address, succeeded: false } });
    await writeAudit(tx, { action: "auth.sign_in_failed", targetType: "User", ip: address, details: { email: normalized } });
  });
}

/** An attempt refused by a limit: in the audit log only, so it neither counts nor extends the delay. */
export async function recordRefusedSignIn(email: string, ip: string, by: "account" | "address"): Promise<void> {
  const normalized = normalizeEmail(email).slice(0, 320);
  await writeAudit(getDb(), { action: "auth.sign_in_failed", targetType: "User", ip, details: { email: normalized, reason: "rate_limited", by } });
}

/** An admin lifts an account's sign-in delay (audited). */
export async function unlockSignIn(actor: SessionUser, userId: string): Promise<{ name: string; cleared: number }> {
  assertCan(actor.role, "user:manage");
  return getDb().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
    if (!target) throw new NotFoundError("That user");
    const cleared = await clearSignInFailures(tx, target.email);
    await writeAudit(tx, { actor, action: "user.sign_in_unlock", targetType: "User", targetId: target.id, details: { email: target.email, failures: cleared } });
    return { name: target.name, cleared };
  });
}

/** Deletes attempts no limit needs any more (called now and then by checkSignInLimit). */
export async function pruneSignInAttempts(now: Date = new Date()): Promise<number> {
  const { count } = await getDb().signInAttempt.deleteMany({
    where: {
      OR: [
        { succeeded: false, createdAt: { lt: new Date(now.getTime() - SIGN_IN_LIMITS.keepFailuresMs) } },
        { succeeded: true, createdAt: { lt: new Date(now.getTime() - SIGN_IN_LIMITS.knownAddressMs) } },
      ],
    },
  });
  return count;
}
