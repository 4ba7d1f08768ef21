/**
 * One-time sign-ins: a person who has just accepted an invitation arrives on the dashboard signed in, without typing
 * the password they chose a moment before. Accepting issues a token (256 random bits) that the browser hands
 * straight to next-auth's "one-time" credentials provider (lib/auth/options.ts) in a POST body, never in a URL.
 * Only its SHA-256 is stored; it works once, within two minutes, for an active account, and is consumed with one
 * conditional UPDATE so two uses cannot both succeed. The session it opens is an ordinary one (JWT, session version).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const SIGN_IN_TOKEN_TTL_MS = 2 * 60_000;

/** Issued inside the transaction that creates the account, so there is never a token without one. */
export async function issueSignInToken(tx: Pick<DbTx, "signInToken">, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.signInToken.create({ data: { userId, tokenHash: hashOf(token), expiresAt: new Date(Date.now() + SIGN_IN_TOKEN_TTL_MS) } });
  return token;
}

/** The account a token signs in, using the token up; null for anything else (unknown, used, expired, inactive). */
export async function consumeSignInToken(token: string): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = new Date();
  const tokenHash = hashOf(token);
  return getDb().$transaction(async (tx) => {
    const used = await tx.signInToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (used.count !== 1) return null;
    const { user } = await tx.signInToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { user: { select: { id: true, email: true, name: true, status: true, sessionVersion: true } } },
    });
    return user.status === "ACTIVE" ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
  });
}
