/**
 * Session helpers for Server Components and server actions.
 * getCurrentUser re-reads the user from the database (status and session version) on every request, so a
 * deactivation, a role change or a sign-out takes effect on the very next request even though the session itself is
 * a JWT. (next-auth's jwt callback refuses a revoked session too; both ask lib/auth/active-session.ts, one query.)
 */
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { activeSessionUser } from "@/lib/auth/active-session";
import { getAuthOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/data/types";

type SessionState = { user: SessionUser } | { user: null; hadSession: boolean };

const readSession = cache(async (): Promise<SessionState> => {
  await connection(); // per request, never prerendered at build time
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user as { id?: unknown; sv?: unknown } | undefined;
  if (claims && typeof claims.id === "string") {
    const user = await activeSessionUser(claims.id, typeof claims.sv === "number" ? claims.sv : -1);
    return user ? { user } : { user: null, hadSession: true };
  }
  // next-auth answers no session for a revoked one: a session cookie still present means it has ended.
  return { user: null, hadSession: await hasSessionCookie() };
});

async function hasSessionCookie(): Promise<boolean> {
  return (await cookies()).getAll().some((cookie) => /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/.test(cookie.name));
}

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await readSession()).user;
}

/** The signed-in, still-active user, or a redirect to the sign-in page (which then returns to `returnTo`). */
export async function requireUser(returnTo = "/dashboard"): Promise<SessionUser> {
  const state = await readSession();
  if (state.user) return state.user;
  const params = new URLSearchParams({ callbackUrl: returnTo });
  if (state.hadSession) params.set("reason", "session-ended");
  redirect(`/login?${params.toString()}`);
}

/** Like requireUser, and the user's role must hold `permission`, else a 403 page (app/forbidden.tsx). */
export async function requirePermission(permission: Permission, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** A plain-text answer of a route handler (a refusal, a preview's text part). */
export function plainText(body: string, status = 200): Response {
  return new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * For a route handler under a staff area, which no layout wraps: the user when `permission` allows, else the
 * refusal to answer with (401 signed out, 403 otherwise), each saying `what` may not be done.
 */
export async function userForHandler(permission: Permission, what: string): Promise<SessionUser | Response> {
  const user = await getCurrentUser();
  if (!user) return plainText(`Sign in to ${what}.`, 401);
  if (!can(user.role, permission)) return plainText(`You may not ${what}.`, 403);
  return user;
}
