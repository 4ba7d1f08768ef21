/**
 * Invitations: how people join the newsroom. An admin invites an email with a role; the invitee opens a single-use
 * link (valid 7 days), chooses a name and password, and the account is created ACTIVE with that role.
 *
 * Only the SHA-256 of a link's token is stored, so the database cannot give a working link away. Resending swaps
 * the token (the old link dies) and restarts the 7 days; revoking kills the link. Acceptance consumes the invitation
 * with one conditional UPDATE, so two tabs accepting at once cannot both create an account.
 *
 * No account exists until acceptance: a pending invitation reserves nothing and leaves no half-made user behind.
 * Accepting also issues a one-time sign-in (./users/sign-in-tokens.ts), so the new person arrives signed in.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import { sendMail, type MailDelivery } from "@/lib/mail/send";
import { invitationMessage } from "@/lib/mail/messages";
import { writeAudit } from "./audit";
import { DataValidationError, NotFoundError } from "./errors";
import { getSiteSettings } from "./settings";
import { isUniqueViolation } from "./transaction";
import type { SessionUser } from "./types";
import { assertPasswordAllowed, insertUserInTx, normalizeEmail } from "./users/accounts";
import { issueSignInToken } from "./users/sign-in-tokens";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export const INVALID_INVITATION_MESSAGE =
  "This invitation link is not valid any more: it may have expired, been revoked or replaced, or already been used. Ask an admin for a new one.";

/** A random link token (256 bits, URL-safe) and the hash that is stored. Shared with password resets. */
export function createLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token from a URL is at most this long; anything longer is not one of ours and is not hashed. */
function isPlausibleToken(token: string): boolean {
  return token.length >= 20 && token.length <= 100 && /^[A-Za-z0-9_-]+$/.test(token);
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

function stateOf(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

function invitationLink(token: string): string {
  return `${getEnv().siteUrl}/invite/${token}`;
}

export type IssuedInvitation = { id: string; email: string; role: Role; expiresAt: Date; link: string; delivery: MailDelivery };

async function deliver(invitation: { email: string; role: Role; expiresAt: Date }, link: string, actor: SessionUser): Promise<MailDelivery> {
  const settings = await getSiteSettings();
  return sendMail(invitationMessage({ to: invitation.email, link, role: invitation.role, invitedBy: actor.name, siteName: settings.siteName, expiresAt: invitation.expiresAt }));
}

/**
 * Invites `email` with `role`. Refused when the email already has an account. A pending invitation for the same
 * email is replaced (revoked), so there is only ever one live link per person. Returns the link for the admin to
 * copy, and whether the email went out.
 */
export async function createInvitation(actor: SessionUser, input: { email: string; role: Role }): Promise<IssuedInvitation> {
  assertCan(actor.role, "invitation:manage");
  const email = normalizeEmail(input.email);
  const { token, tokenHash } = createLinkToken();
  const now = new Date();
  const invitation = await getDb().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new DataValidationError("email", "There is already an account with this email. Change its role or reactivate it instead.");
    const replaced = await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: { email, role: input.role, tokenHash, invitedById: actor.id, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await writeAudit(tx, {
      actor,
      action: "invitation.create",
      targetType: "Invitation",
      targetId: created.id,
      details: { email, role: input.role, replaced: replaced.count },
    });
    return created;
  });
  const link = invitationLink(token);
  return { ...invitation, link, delivery: await deliver(invitation, link, actor) };
}

/** A new link for a pending or expired invitation: the old link stops working and the 7 days start again. */
export async function resendInvitation(actor: SessionUser, invitationId: string): Promise<IssuedInvitation> {
  assertCan(actor.role, "invitation:manage");
  const { token, tokenHash } = createLinkToken();
  const now = new Date();
  const invitation = await getDb().$transaction(async (tx) => {
    const current = await tx.invitation.findUnique({ where: { id: invitationId }, select: { id: true, email: true, acceptedAt: true, revokedAt: true } });
    if (!current) throw new NotFoundError("That invitation");
    if (current.acceptedAt) throw new DataValidationError("invitation", "This invitation was already accepted.");
    if (current.revokedAt) throw new DataValidationError("invitation", "This invitation was revoked. Send a new invitation instead.");
    if (await tx.user.findUnique({ where: { email: current.email }, select: { id: true } })) {
      throw new DataValidationError("invitation", "There is already an account with this email.");
    }
    const updated = await tx.invitation.update({
      where: { id: invitationId },
      data: { tokenHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await writeAudit(tx, { actor, action: "invitation.resend", targetType: "Invitation", targetId: invitationId, details: { email: updated.email } });
    return updated;
  });
  const link = invitationLink(token);
  return { ...invitation, link, delivery: await deliver(invitation, link, actor) };
}

/** Kills a pending (or expired) invitation's link. */
export async function revokeInvitation(actor: SessionUser, invitationId: string): Promise<void> {
  assertCan(actor.role, "invitation:manage");
  await getDb().$transaction(async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) {
      const current = await tx.invitation.findUnique({ where: { id: invitationId }, select: { acceptedAt: true } });
      if (!current) throw new NotFoundError("That invitation");
      throw new DataValidationError("invitation", current.acceptedAt ? "This invitation was already accepted." : "This invitation was already revoked.");
    }
    const { email } = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { email: true } });
    await writeAudit(tx, { actor, action: "invitation.revoke", targetType: "Invitation", targetId: invitationId, details: { email } });
  });
}

export type InvitationListFilter = { state?: InvitationState };

/** Invitations for the admin page, newest first, with their state and who sent them. */
export async function listInvitations(actor: SessionUser, filter: InvitationListFilter = {}) {
  assertCan(actor.role, "invitation:manage");
  const now = new Date();
  const where =
    filter.state === "accepted"
      ? { acceptedAt: { not: null } }
      : filter.state === "revoked"
        ? { acceptedAt: null, revokedAt: { not: null } }
        : filter.state === "expired"
          ? { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } }
          : filter.state === "pending"
            ? { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }
            : {};
  const rows = await getDb().invitation.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 300,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({ ...row, invitedBy: row.invitedBy.name, state: stateOf(row, now) }));
}

/** What the invitation page shows for a link: the email and role, or null when the link cannot be used. */
export async function getInvitationForToken(token: string): Promise<{ email: string; role: Role; expiresAt: Date } | null> {
  if (!isPlausibleToken(token)) return null;
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation || stateOf(invitation) !== "pending") return null;
  return { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

/**
 * The invitee accepts: the account is created ACTIVE with the invited role, the link is used up, and a one-time
 * sign-in token is returned for the browser to sign in with at once. Throws
 * DataValidationError on "token" (the link is not valid any more), "password" (the policy) or "email" (an account
 * appeared for this email meanwhile).
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  options: { hashRounds?: number; ip?: string } = {},
): Promise<{ id: string; email: string; role: Role; signInToken: string }> {
  const invitation = isPlausibleToken(token)
    ? await getDb().invitation.findUnique({
        where: { tokenHash: hashLinkToken(token) },
        select: { id: true, email: true, role: true, invitedById: true, expiresAt: true, acceptedAt: true, revokedAt: true },
      })
    : null;
  if (!invitation || stateOf(invitation) !== "pending") throw new DataValidationError("token", INVALID_INVITATION_MESSAGE);
  assertPasswordAllowed(input.password, { email: invitation.email, name: input.name });
  const passwordHash = await hashPassword(input.password, options.hashRounds);
  try {
    return await consume(token, invitation, input.name, passwordHash, options.ip);
  } catch (error) {
    // Two acceptances racing for the same email or author slug: the loser gets a message, not a 500.
    if (isUniqueViolation(error)) {
      throw new DataValidationError("email", "There is already an account with this email. Sign in, or ask for a password reset.");
    }
    throw error;
  }
}

async function consume(
  token: string,
  invitation: { id: string; email: string; role: Role; invitedById: string },
  name: string,
  passwordHash: string,
  ip: string | undefined,
): Promise<{ id: string; email: string; role: Role; signInToken: string }> {
  return getDb().$transaction(async (tx) => {
    const now = new Date();
    const consumed = await tx.invitation.updateMany({
      where: { id: invitation.id, tokenHash: hashLinkToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (consumed.count !== 1) throw new DataValidationError("token", INVALID_INVITATION_MESSAGE);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new DataValidationError("email", "There is already an account with this email. Sign in, or ask for a password reset.");
    }
    const user = await insertUserInTx(
      tx,
      null,
      { email: invitation.email, name, role: invitation.role, status: "ACTIVE", passwordHash },
      { via: "invitation", invitationId: invitation.id, invitedById: invitation.invitedById },
    );
    await writeAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: "invitation.accept",
      targetType: "Invitation",
      targetId: invitation.id,
      ip,
      details: { email: user.email, role: user.role },
    });
    return { id: user.id, email: user.email, role: user.role, signInToken: await issueSignInToken(tx, user.id) };
  });
}
