/**
 * Staff accounts. Emails are stored lower-cased (a CHECK constraint in the database insists), which makes the unique
 * index case-insensitive. Every function that reads or changes other people's accounts takes the acting user and
 * checks the permission map first; every change writes its audit entry in the same transaction.
 *
 * Role and status rules that protect the newsroom from locking itself out (the last active admin can be neither
 * demoted nor deactivated) run under one advisory lock, so two admins demoting each other at once cannot both win.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { slugify } from "@/lib/content/slug";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import type { SessionUser } from "./types";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const sessionUserSelect = { id: true, email: true, name: true, slug: true, role: true } as const;

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
 * A refused sign-in: counted for the rate limit (lib/data/rate-limit.ts) and written to the audit log. `reason`
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
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
  try {
    return await getDb().$transaction((tx) => insertUserInTx(tx, actor, { ...input, passwordHash }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new DataValidationError("email", "An account with this email already exists.");
    throw error;
  }
}

export type UserListFilters = { q?: string; role?: Role; status?: UserStatus };

export async function listUsers(actor: SessionUser, filters: UserListFilters = {}) {
  assertCan(actor.role, "user:read");
  const q = filters.q?.trim();
  return getDb().user.findMany({
    where: {
      role: filters.role,
      status: filters.status,
      ...(q
        ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }] }
        : {}),
    },
    orderBy: [{ name: "asc" }],
    select: { ...sessionUserSelect, status: true, lastSignInAt: true, createdAt: true },
    take: 500,
  });
}

/** How many accounts match the filters (the list shows at most 500). */
export async function countUsersMatching(actor: SessionUser, filters: UserListFilters = {}): Promise<number> {
  assertCan(actor.role, "user:read");
  const q = filters.q?.trim();
  return getDb().user.count({
    where: {
      role: filters.role,
      status: filters.status,
      ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }] } : {}),
    },
  });
}

async function countActiveAdmins(tx: DbTx): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", status: "ACTIVE" } });
}

/** Serializes every change that could leave the newsroom without an active admin (status and role changes). */
async function lockAdminSet(tx: DbTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:admins'))`;
}

/**
 * Links an admin was shown stay in their hands after they lose the right to issue them: an invitation (possibly for
 * an admin account) and a password reset link for a colleague's account. When `userId` no longer holds the
 * permission behind them (deactivated, or moved to a role without it), the pending invitations they sent or last
 * re-sent are revoked and the unused reset links they issued are expired, in the same transaction as the change.
 * Returns how many of each, for the audit entry.
 */
async function withdrawIssuedLinks(tx: DbTx, userId: string, stillMay: { invite: boolean; reset: boolean }) {
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
  // Only what happened: most role changes withdraw nothing, and their audit entry stays { from, to }.
  return { ...(invitations ? { withdrawnInvitations: invitations } : {}), ...(resets ? { withdrawnResetLinks: resets } : {}) };
}

/**
 * Deactivates or reactivates an account. Deactivation bumps the session version, so the user's open sessions are
 * refused on their next request, and the invitation and reset links they issued stop working. The last active admin
 * cannot be deactivated.
 */
export async function setUserStatus(actor: SessionUser, userId: string, status: "ACTIVE" | "DEACTIVATED") {
  assertCan(actor.role, "user:manage");
  return getDb().$transaction(async (tx) => {
    await lockAdminSet(tx);
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, status: true } });
    if (!target) throw new NotFoundError("That user");
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
    const withdrawn = status === "DEACTIVATED" ? await withdrawIssuedLinks(tx, userId, { invite: false, reset: false }) : undefined;
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
 * user permissions also withdraws the links the person issued with them. The last active admin cannot be demoted.
 */
export async function setUserRole(actor: SessionUser, userId: string, role: Role) {
  assertCan(actor.role, "user:manage");
  return getDb().$transaction(async (tx) => {
    await lockAdminSet(tx);
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, status: true } });
    if (!target) throw new NotFoundError("That user");
    if (target.role === role) return target;
    if (target.role === "ADMIN" && target.status === "ACTIVE" && (await countActiveAdmins(tx)) <= 1) {
      throw new DataValidationError("role", "The last active admin cannot be demoted. Make someone else an admin first.");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, role: true, status: true } });
    const withdrawn = await withdrawIssuedLinks(tx, userId, { invite: can(role, "invitation:manage"), reset: can(role, "user:manage") });
    await writeAudit(tx, { actor, action: "user.role_change", targetType: "User", targetId: userId, details: { from: target.role, to: role, ...withdrawn } });
    return updated;
  });
}

const profileSelect = { id: true, email: true, name: true, slug: true, bio: true, avatarUrl: true, role: true } as const;

/** The signed-in person's own profile, for /dashboard/profile. */
export async function getOwnProfile(actor: SessionUser) {
  assertCan(actor.role, "profile:update:own");
  const profile = await getDb().user.findUnique({ where: { id: actor.id }, select: profileSelect });
  if (!profile) throw new NotFoundError("Your account");
  return profile;
}

export type ProfileUpdate = { name: string; bio: string; avatarUrl: string | null };

/** The public pages that show a person's name, bio or avatar: their author page, lists and their bylines. */
async function tagsForAuthor(tx: DbTx, userId: string, slug: string): Promise<string[]> {
  const bylines = await tx.article.findMany({
    where: { status: "PUBLISHED", authors: { some: { userId } } },
    select: { slug: true },
    take: 5000,
  });
  return [CacheTags.author(slug), CacheTags.latest, ...bylines.map((a) => CacheTags.article(a.slug))];
}

/**
 * Updates the signed-in person's name, bio and avatar, which readers see on the author page and in bylines. The
 * author page's URL (the slug) stays as it is, so links to it keep working.
 */
export async function updateOwnProfile(actor: SessionUser, input: ProfileUpdate) {
  assertCan(actor.role, "profile:update:own");
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.id }, select: profileSelect });
    if (!before) throw new NotFoundError("Your account");
    const data = { name: input.name.trim(), bio: input.bio.trim(), avatarUrl: input.avatarUrl || null };
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((key) => data[key] !== before[key]);
    if (changed.length === 0) return before;
    const updated = await tx.user.update({ where: { id: actor.id }, data, select: profileSelect });
    await writeAudit(tx, { actor, action: "profile.update", targetType: "User", targetId: actor.id, details: { changed } });
    await expirePublicTags(tx, await tagsForAuthor(tx, actor.id, before.slug));
    return updated;
  });
}

/**
 * Changes the signed-in person's password after checking the current one. Every session of theirs ends (the session
 * version moves on), including the one making the change: the form signs them in again with the new password.
 */
export async function changeOwnPassword(
  actor: SessionUser,
  input: { currentPassword: string; newPassword: string },
  options: { hashRounds?: number } = {},
) {
  assertCan(actor.role, "profile:update:own");
  const db = getDb();
  const account = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, passwordHash: true, status: true } });
  if (!account || account.status !== "ACTIVE") throw new NotFoundError("Your account");
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) {
    throw new DataValidationError("currentPassword", "That is not your current password.");
  }
  assertPasswordAllowed(input.newPassword, account);
  if (input.newPassword === input.currentPassword) throw new DataValidationError("password", "Choose a password different from the current one.");
  const passwordHash = await hashPassword(input.newPassword, options.hashRounds);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // Reset links issued before the change must not undo it.
    await tx.passwordReset.updateMany({ where: { userId: actor.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { expiresAt: new Date() } });
    await writeAudit(tx, { actor, action: "user.password_change", targetType: "User", targetId: actor.id });
  });
}

/** Names for the byline picker: any staff member may see who can be credited. */
export async function listStaffForByline(actor: SessionUser) {
  assertCan(actor.role, "dashboard:access");
  return getDb().user.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
