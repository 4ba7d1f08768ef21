/**
 * Staff accounts. Emails are stored lower-cased (a CHECK constraint in the database insists), which makes the unique
 * index case-insensitive. Every function that reads or changes other people's accounts takes the acting user and
 * checks the permission map first.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { slugify } from "@/lib/content/slug";
import { writeAudit } from "./audit";
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

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const db = getDb();
  const normalized = normalizeEmail(email).slice(0, 320);
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email: normalized, ip, succeeded: false } });
    await writeAudit(tx, { action: "auth.sign_in_failed", targetType: "User", ip, details: { email: normalized } });
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

/**
 * Creates an account. `actor` null is the system (seed, accepted invitation); otherwise the actor must manage users.
 * A taken email, in any letter case, is refused with a DataValidationError on "email".
 */
export async function createUser(actor: SessionUser | null, input: NewUser, options: { hashRounds?: number } = {}) {
  if (actor) assertCan(actor.role, "user:manage");
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password, options.hashRounds);
  try {
    return await getDb().$transaction(async (tx) => {
      const slug = input.slug ?? (await uniqueUserSlug(tx, input.name));
      const user = await tx.user.create({
        data: {
          email,
          name: input.name.trim(),
          slug,
          role: input.role,
          status: input.status ?? "ACTIVE",
          bio: input.bio ?? "",
          passwordHash,
        },
        select: { ...sessionUserSelect, status: true },
      });
      await writeAudit(tx, {
        actor,
        action: "user.create",
        targetType: "User",
        targetId: user.id,
        details: { email, role: input.role },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DataValidationError("email", "An account with this email already exists.");
    }
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

async function countActiveAdmins(tx: DbTx): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", status: "ACTIVE" } });
}

/**
 * Deactivates or reactivates an account. Deactivation bumps the session version, so the user's open sessions are
 * refused on their next request. The last active admin cannot be deactivated.
 */
export async function setUserStatus(actor: SessionUser, userId: string, status: "ACTIVE" | "DEACTIVATED") {
  assertCan(actor.role, "user:manage");
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:admins'))`;
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
    await writeAudit(tx, {
      actor,
      action: status === "DEACTIVATED" ? "user.deactivate" : "user.reactivate",
      targetType: "User",
      targetId: userId,
    });
    return updated;
  });
}

export async function countUsers(): Promise<number> {
  return getDb().user.count();
}

/** Names for the byline picker: any staff member may see who can be credited. */
export async function listStaffForByline(actor: SessionUser) {
  assertCan(actor.role, "dashboard:access");
  return getDb().user.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
