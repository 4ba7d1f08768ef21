/**
 * The session's user, re-read from the database once per request: next-auth's jwt callback (lib/auth/options.ts)
 * and getCurrentUser (lib/auth/session.ts) both ask, and React's cache makes that one query in a render.
 */
import "server-only";
import { cache } from "react";
import { getActiveSessionUser } from "@/lib/data/users/sign-in";

export const activeSessionUser = cache(getActiveSessionUser);
