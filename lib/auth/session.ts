/**
 * Session helpers for Server Components and server actions.
 * getCurrentUser re-reads the user from the database (status and session version) on every request, so a
 * deactivation or a role change takes effect on the very next request even though the session itself is a JWT.
 */
import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import { getActiveSessionUser } from "@/lib/data/users/sign-in";
import type { SessionUser } from "@/lib/data/types";

type SessionState = { user: SessionUser } | { user: null; hadSession: boolean };

const readSession = cache(async (): Promise<SessionState> => {
  await connection(); // per request, never prerendered at build time
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user as { id?: unknown; sv?: unknown } | undefined;
  if (!claims || typeof claims.id !== "string") return { user: null, hadSession: false };
  const user = await getActiveSessionUser(claims.id, typeof claims.sv === "number" ? claims.sv : -1);
  return user ? { user } : { user: null, hadSession: true };
});

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
