/**
 * The signed-in person's own account: the profile readers see on the author page and in bylines, the password, and
 * whether their notifications also come by e-mail.
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "../audit";
import { CacheTags, expirePublicTags } from "../cache";
import { DataValidationError, NotFoundError } from "../errors";
import type { SessionUser } from "../types";
import { assertPasswordAllowed } from "./accounts";

const profileSelect = { id: true, email: true, name: true, slug: true, bio: true, avatarUrl: true, role: true } as const;

/** The signed-in person's own profile, for /dashboard/profile. */
export async function getOwnProfile(actor: SessionUser) {
  assertCan(actor.role, "profile:update:own");
  const profile = await getDb().user.findUnique({ where: { id: actor.id }, select: { ...profileSelect, emailNotifications: true } });
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

/**
 * Turns the e-mail copies of the person's notifications on or off (the list in the dashboard is kept either way).
 * Turning them off also drops the e-mails still waiting to be sent.
 */
export async function setEmailNotifications(actor: SessionUser, on: boolean) {
  assertCan(actor.role, "profile:update:own");
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { emailNotifications: on } });
    if (!on) await tx.notification.updateMany({ where: { userId: actor.id, emailState: "PENDING" }, data: { emailState: "NONE" } });
    await writeAudit(tx, { actor, action: "profile.notifications", targetType: "User", targetId: actor.id, details: { emailNotifications: on } });
  });
}
