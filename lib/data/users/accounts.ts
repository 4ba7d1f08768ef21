/**
 * Staff accounts as admins manage them: create, list, change a role, deactivate. Emails are stored lower-cased (a CHECK constraint in the database insists), which makes the unique
 * index case-insensitive. Every function that reads or changes other people's accounts takes the acting user and
 * checks the permission map first; every change writes its audit entry in the same transaction.
 *
 * Role and status rules that protect the newsroom from locking itself out (the last active admin can be neither
 * demoted nor deactivated) run under one advisory lock, so two admins demoting each other at once cannot both win.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { slugify } from "@/lib/content/slug";
import { writeAudit } from "../audit";
import { CacheTags, expirePublicTags } from "../cache";
import { DataValidationError, NotFoundError } from "../errors";
import { transactionRefusingTaken } from "../transaction";
import { ownArticleWhere } from "../articles/access";
import type { SessionUser } from "../types";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const sessionUserSelect = { id: true, email: true, name: true, slug: true, role: true } as const;

/** A slug for the author page that no other user has. */
async function uniqueUserSlug(tx: DbTx, name: string): Promise<string> {
  const base = slugify(name) || "staff";
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await tx.user.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new Error("Could not find a free author slug");
}

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  password: string;
  status?: UserStatus;
  bio?: string;
  slug?: string;
};

/** Refuses a password the policy does not allow, naming the "password" field. */
export function assertPasswordAllowed(password: string, identity: { email: string; name: string }): void {
  const problem = passwordProblem(password, identity);
  if (problem) throw new DataValidationError("password", problem);
}

/**
 * Inserts an account inside the caller's transaction, with its "user.create" audit entry. The password must already
 * be hashed and checked against the policy (createUser and acceptInvitation do both).
 */
export async function insertUserInTx(
  tx: DbTx,
  actor: { id: string; email: string } | null,
  input: Omit<NewUser, "password"> & { passwordHash: string },
  details: Record<string, string> = {},
) {
  const email = normalizeEmail(input.email);
  const slug = input.slug ?? (await uniqueUserSlug(tx, input.name));
  const user = await tx.user.create({
    data: {
      email,
      name: input.name.trim(),
      slug,
      role: input.role,
      status: input.status ?? "ACTIVE",
      bio: input.bio ?? "",
      passwordHash: input.passwordHash,
    },
    select: { ...sessionUserSelect, status: true },
  });
  await writeAudit(tx, {
    actor,
    action: "user.create",
    targetType: "User",
    targetId: user.id,
    details: { email, role: input.role, ...details },
  });
  return user;
}

/**
 * Creates an account. `actor` null is the system (seed, tests); otherwise the actor must manage users.
 * A taken email, in any letter case, is refused with a DataValidationError on "email"; a password the policy does
 * not allow, on "password".
 */
export async function createUser(actor: SessionUser | null, input: NewUser, options: { hashRounds?: number } = {}) {
  if (actor) assertCan(actor.role, "user:manage");
  assertPasswordAllowed(input.password, { email: input.email, name: input.name });
  const passwordHash = await hashPassword(input.password, options.hashRounds);
  return transactionRefusingTaken((tx) => insertUserInTx(tx, actor, { ...input, passwordHash }), {
    field: "email",
    message: "An account with this email already exists.",
  });
}

export type UserListFilters = { q?: string; role?: Role; status?: UserStatus };

function userListWhere(filters: UserListFilters): Prisma.UserWhereInput {
  const q = filters.q?.trim();
  return {
    role: filters.role,
    status: filters.status,
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }] } : {}),
  };
}

export async function listUsers(actor: SessionUser, filters: UserListFilters = {}) {
  assertCan(actor.role, "user:read");
  return getDb().user.findMany({
    where: userListWhere(filters),
    orderBy: [{ name: "asc" }],
    select: { ...sessionUserSelect, status: true, lastSignInAt: true, createdAt: true },
    take: 500,
  });
}

/** How many accounts match the filters (the list shows at most 500). */
export async function countUsersMatching(actor: SessionUser, filters: UserListFilters = {}): Promise<number> {
  assertCan(actor.role, "user:read");
  return getDb().user.count({ where: userListWhere(filters) });
}

async function countActiveAdmins(tx: DbTx): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", status: "ACTIVE" } });
}

/**
 * The account a status or role change is about, read under the lock that serializes every change that could leave
 * the newsroom without an active admin.
 */
async function lockedTarget(tx: DbTx, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:admins'))`;
  const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, status: true } });
  if (!target) throw new NotFoundError("That user");
  return target;
}

/**
 * Links an admin was shown stay in their hands after they lose the right to issue them: an invitation (possibly for
 * an admin account) and a password reset link for a colleague's account. When `userId` no longer holds the
 * permission behind them (deactivated, or moved to a role without it), the pending invitations they sent or last
 * re-sent are revoked and the unused reset links they issued are expired, in the same transaction as the change.
 * Preview links show a story's unpublished text to anyone holding them: those the person made are revoked when they
 * are deactivated (`role` null), and those for stories their new role no longer reaches when they are moved.
 * Returns how many of each, for the audit entry.
 */
async function withdrawIssuedLinks(tx: DbTx, userId: string, stillMay: { invite: boolean; reset: boolean; role: Role | null }) {
  const now = new Date();
  let invitations = 0;
  let resets = 0;
  if (!stillMay.invite) {
    const resent = await tx.auditLog.findMany({ where: { actorId: userId, action: "invitation.resend", targetType: "Invitation" }, select: { targetId: true } });
    invitations = (
      await tx.invitation.updateMany({
        where: { OR: [{ invitedById: userId }, { id: { in: resent.map((r) => r.targetId) } }], acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { revokedAt: now },
      })
    ).count;
  }
  if (!stillMay.reset) {
    resets = (await tx.passwordReset.updateMany({ where: { issuedById: userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } })).count;
  }
  const { role } = stillMay;
  const previews =
    role && can(role, "article:update:any")
      ? 0
      : (
          await tx.previewLink.updateMany({
            where: { createdById: userId, revokedAt: null, expiresAt: { gt: now }, ...(role ? { article: { NOT: ownArticleWhere({ id: userId }) } } : {}) },
            data: { revokedAt: now },
          })
        ).count;
  // Only what happened: most role changes withdraw nothing, and their audit entry stays { from, to }.
  return {
    ...(invitations ? { withdrawnInvitations: invitations } : {}),
    ...(resets ? { withdrawnResetLinks: resets } : {}),
    ...(previews ? { withdrawnPreviewLinks: previews } : {}),
  };
}

/**
 * Deactivates or reactivates an account. Deactivation bumps the session version, so the user's open sessions are
 * refused on their next request, and the invitation, reset and preview links they issued stop working. The last active admin
 * cannot be deactivated.
 */
export async function setUserStatus(actor: SessionUser, userId: string, status: "ACTIVE" | "DEACTIVATED") {
  assertCan(actor.role, "user:manage");
  return getDb().$transaction(async (tx) => {
    const target = await lockedTarget(tx, userId);
    if (target.status === status) return target;
    if (status === "DEACTIVATED" && target.role === "ADMIN" && target.status === "ACTIVE") {
      if ((await countActiveAdmins(tx)) <= 1) {
        throw new DataValidationError("status", "The last active admin cannot be deactivated.");
      }
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: { status, ...(status === "DEACTIVATED" ? { sessionVersion: { increment: 1 } } : {}) },
      select: { id: true, role: true, status: true },
    });
    const withdrawn = status === "DEACTIVATED" ? await withdrawIssuedLinks(tx, userId, { invite: false, reset: false, role: null }) : undefined;
    await writeAudit(tx, {
      actor,
      action: status === "DEACTIVATED" ? "user.deactivate" : "user.reactivate",
      targetType: "User",
      targetId: userId,
      ...(withdrawn && Object.keys(withdrawn).length > 0 ? { details: withdrawn } : {}),
    });
    return updated;
  });
}

/**
 * Changes a staff member's role. The role is read from the database on every request (lib/auth/session.ts), so
 * the change applies on the person's next request without ending their session. A role without the invitation or
 * user permissions also withdraws the links the person issued with them, and one that does not reach every story the
 * preview links they made for stories that are not theirs. The last active admin cannot be demoted. Their author
 * page, which shows the role, is expired.
 */
export async function setUserRole(actor: SessionUser, userId: string, role: Role) {
  assertCan(actor.role, "user:manage");
  return getDb().$transaction(async (tx) => {
    const target = await lockedTarget(tx, userId);
    if (target.role === role) return target;
    if (target.role === "ADMIN" && target.status === "ACTIVE" && (await countActiveAdmins(tx)) <= 1) {
      throw new DataValidationError("role", "The last active admin cannot be demoted. Make someone else an admin first.");
    }
    const { slug, ...updated } = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true, status: true, slug: true } });
    const withdrawn = await withdrawIssuedLinks(tx, userId, { invite: can(role, "invitation:manage"), reset: can(role, "user:manage"), role });
    await writeAudit(tx, { actor, action: "user.role_change", targetType: "User", targetId: userId, details: { from: target.role, to: role, ...withdrawn } });
    // Their author page says the role.
    await expirePublicTags(tx, [CacheTags.author(slug)]);
    return updated;
  });
}

/** Names for the byline picker: any staff member may see who can be credited. */
export async function listStaffForByline(actor: SessionUser) {
  assertCan(actor.role, "dashboard:access");
  return getDb().user.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
