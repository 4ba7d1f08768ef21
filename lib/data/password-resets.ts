/**
 * Password resets: a single-use link that sets a new password. Admins issue one for a colleague (valid 24 hours,
 * shown to the admin and emailed); anyone can ask for one from the sign-in page (valid 1 hour, emailed only), and
 * that request looks the same whether or not the email has an account.
 *
 * Only the SHA-256 of a token is stored. A new link replaces the person's earlier unused ones. Completing a reset
 * changes the password and moves the session version on, so every open session of that account ends, and clears
 * the account's sign-in delay (lib/data/users/sign-in.ts).
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import { sendMail, type MailDelivery } from "@/lib/mail/send";
import { passwordResetMessage } from "@/lib/mail/messages";
import type { DbTx } from "@/lib/db/client";
import { writeAudit } from "./audit";
import { DataValidationError, NotFoundError } from "./errors";
import { createLinkToken, hashLinkToken } from "./invitations";
import { getSiteSettings } from "./settings";
import type { SessionUser } from "./types";
import { assertPasswordAllowed, normalizeEmail } from "./users/accounts";
import { clearSignInFailures } from "./users/sign-in";

export const ADMIN_RESET_TTL_MS = 24 * 60 * 60_000;
export const SELF_SERVICE_RESET_TTL_MS = 60 * 60_000;
/** Self-service links per account per hour; more requests are quietly ignored (no mail bombing). */
export const SELF_SERVICE_RESETS_PER_HOUR = 3;

export const INVALID_RESET_MESSAGE =
  "This password reset link is not valid any more: it may have expired, been replaced by a newer one, or already been used. Ask for a new one.";

function resetLink(token: string): string {
  return `${getEnv().siteUrl}/reset-password/${token}`;
}

function isPlausibleToken(token: string): boolean {
  return token.length >= 20 && token.length <= 100 && /^[A-Za-z0-9_-]+$/.test(token);
}

/** Ends the person's earlier unused links; only the newest one works. */
async function supersedeResets(tx: DbTx, userId: string, now: Date): Promise<void> {
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

export type IssuedReset = { email: string; name: string; link: string; expiresAt: Date; delivery: MailDelivery };

/** An admin issues a reset link for an active colleague: shown to the admin to pass on, and emailed. */
export async function issuePasswordReset(actor: SessionUser, userId: string): Promise<IssuedReset> {
  assertCan(actor.role, "user:manage");
  const { token, tokenHash } = createLinkToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ADMIN_RESET_TTL_MS);
  const user = await getDb().$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, status: true } });
    if (!target) throw new NotFoundError("That user");
    if (target.status !== "ACTIVE") throw new DataValidationError("user", "Reactivate this account before issuing a password reset link.");
    await supersedeResets(tx, userId, now);
    await tx.passwordReset.create({ data: { userId, tokenHash, issuedById: actor.id, expiresAt } });
    await writeAudit(tx, { actor, action: "password_reset.issue", targetType: "User", targetId: userId, details: { email: target.email } });
    return target;
  });
  const link = resetLink(token);
  const { siteName } = await getSiteSettings();
  const delivery = await sendMail(passwordResetMessage({ to: user.email, link, siteName, expiresAt, issuedByAdmin: true }));
  return { email: user.email, name: user.name, link, expiresAt, delivery };
}

/**
 * "Forgot password?": when `email` belongs to an active account (and it has not asked too often), stores a 1-hour
 * link and returns a function that emails it; otherwise returns null. The work differs between the two cases, so
 * the caller must do all of it after responding (next/server `after`): the answer, and its timing, are then the
 * same for every email.
 */
export async function requestPasswordReset(email: string, ip = ""): Promise<(() => Promise<MailDelivery>) | null> {
  const normalized = normalizeEmail(email);
  const now = new Date();
  const user = await getDb().user.findUnique({ where: { email: normalized }, select: { id: true, email: true, status: true } });
  if (!user || user.status !== "ACTIVE") return null;
  const { token, tokenHash } = createLinkToken();
  const expiresAt = new Date(now.getTime() + SELF_SERVICE_RESET_TTL_MS);
  const issued = await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dateline:reset:${user.id}`}))`;
    const recent = await tx.passwordReset.count({
      where: { userId: user.id, issuedById: null, createdAt: { gt: new Date(now.getTime() - 60 * 60_000) } },
    });
    if (recent >= SELF_SERVICE_RESETS_PER_HOUR) return false;
    await supersedeResets(tx, user.id, now);
    await tx.passwordReset.create({ data: { userId: user.id, tokenHash, expiresAt } });
    await writeAudit(tx, { action: "password_reset.request", targetType: "User", targetId: user.id, ip, details: { email: user.email } });
    return true;
  });
  if (!issued) return null;
  const link = resetLink(token);
  return async () => {
    const { siteName } = await getSiteSettings();
    return sendMail(passwordResetMessage({ to: user.email, link, siteName, expiresAt, issuedByAdmin: false }));
  };
}

async function findUsableReset(token: string) {
  if (!isPlausibleToken(token)) return null;
  const reset = await getDb().passwordReset.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, expiresAt: true, usedAt: true, user: { select: { id: true, email: true, name: true, status: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date() || reset.user.status !== "ACTIVE") return null;
  return reset;
}

/** What the reset page shows for a link: whose password it sets, or null when the link cannot be used. */
export async function getPasswordResetForToken(token: string): Promise<{ email: string } | null> {
  const reset = await findUsableReset(token);
  return reset ? { email: reset.user.email } : null;
}

/**
 * Sets the new password and uses the link up. Every session of the account ends. Throws DataValidationError on
 * "token" (the link is not valid any more) or "password" (the policy).
 */
export async function completePasswordReset(
  token: string,
  password: string,
  options: { hashRounds?: number; ip?: string } = {},
): Promise<{ email: string }> {
  const reset = await findUsableReset(token);
  if (!reset) throw new DataValidationError("token", INVALID_RESET_MESSAGE);
  assertPasswordAllowed(password, reset.user);
  const passwordHash = await hashPassword(password, options.hashRounds);
  return getDb().$transaction(async (tx) => {
    const now = new Date();
    const consumed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (consumed.count !== 1) throw new DataValidationError("token", INVALID_RESET_MESSAGE);
    const updated = await tx.user.updateMany({
      where: { id: reset.user.id, status: "ACTIVE" },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new DataValidationError("token", INVALID_RESET_MESSAGE);
    await supersedeResets(tx, reset.user.id, now);
    // The owner proved control of the mailbox: any sign-in delay on the account ends too.
    await clearSignInFailures(tx, reset.user.email);
    await writeAudit(tx, {
      actor: { id: reset.user.id, email: reset.user.email },
      action: "password_reset.complete",
      targetType: "User",
      targetId: reset.user.id,
      ip: options.ip,
    });
    return { email: reset.user.email };
  });
}
