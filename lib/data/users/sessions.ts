/**
 * Ending sessions. Sessions are JWTs carrying the user's session version (docs/decisions/0003-session-revocation.md);
 * moving the version on ends every session of the account at its next request, wherever the cookie is. Signing out
 * does it too, so a copied cookie dies with the sign-out (issue 20, finding 6); the price is that signing out on
 * one device signs the account out on the others as well.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "../audit";
import type { SessionUser } from "../types";

/**
 * Sign-out: ends the session that carries (`userId`, `sessionVersion`) and every other one of that account. A stale
 * or forged pair changes nothing (the version must still be current).
 */
export async function endSession(userId: string, sessionVersion: number, ip?: string): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
    if (count !== 1) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
    await writeAudit(tx, { actor: user, action: "auth.sign_out", targetType: "User", targetId: user.id, ip });
    return true;
  });
}

/** "Sign out everywhere" on the profile: every session of the actor's account ends, this one included. */
export async function endAllSessions(actor: SessionUser, ip?: string): Promise<void> {
  assertCan(actor.role, "profile:update:own");
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { actor, action: "auth.sign_out_everywhere", targetType: "User", targetId: actor.id, ip });
  });
}
