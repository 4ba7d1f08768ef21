/**
 * next-auth 4 configuration: email + password (Credentials) with JWT sessions. JWTs cannot be revoked on their own,
 * so each carries the user's id and session version, and every read of the session (getServerSession on staff
 * pages, /api/auth/session) re-checks both against the database: a revoked session is neither answered nor renewed
 * (docs/decisions/0003-session-revocation.md). Signing out moves the version on, so a copied cookie dies with it.
 *
 * authorize() checks the sign-in limits (lib/data/users/sign-in.ts) before it looks at the password, and answers
 * every wrong credential (unknown email, wrong password, inactive account) with the same null; a limit's delay and a
 * busy server are codes the form explains (lib/auth/sign-in-errors.ts). The password check runs off the main
 * thread, a few at a time (lib/auth/password.ts).
 *
 * A second credentials provider, "one-time", signs in with the one-time token issued when someone accepts an
 * invitation (lib/data/users/sign-in-tokens.ts): 256 random bits, used once within two minutes, so it needs neither
 * the password work nor the guessing limits.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { getEnv } from "@/lib/env";
import { hasPasswordWorkRoom, verifyPassword } from "@/lib/auth/password";
import { activeSessionUser } from "@/lib/auth/active-session";
import { requestIp } from "@/lib/auth/request-ip";
import { SIGN_IN_BUSY, signInDelayedCode } from "@/lib/auth/sign-in-errors";
import { sameOriginPath } from "@/lib/security/same-origin";
import { BusyError } from "@/lib/security/work-limiter";
import { checkSignInLimit, findUserForSignIn, recordFailedSignIn, recordRefusedSignIn, recordSuccessfulSignIn } from "@/lib/data/users/sign-in";
import { endSession } from "@/lib/data/users/sessions";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { consumeSignInToken } from "@/lib/data/users/sign-in-tokens";

const CredentialsSchema = z.object({
  email: text().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const OneTimeSchema = z.object({ token: z.string().min(1).max(100) });

/** Thrown by the jwt callback for a revoked session: next-auth then answers no session and clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("The session has ended (signed out, deactivated or password changed).");
    this.name = "SessionEndedError";
  }
}

async function checkPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  try {
    return await verifyPassword(password, hash);
  } catch (error) {
    if (error instanceof BusyError) throw new Error(SIGN_IN_BUSY);
    throw error;
  }
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.authSecret,
    session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = CredentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          // Under a flood, refuse before any database work: the answer would be "busy" anyway.
          if (!hasPasswordWorkRoom()) throw new Error(SIGN_IN_BUSY);
          const ip = requestIp(req?.headers);
          const limit = await checkSignInLimit(email, ip);
          if (limit.limited) {
            await recordRefusedSignIn(email, ip, limit.by);
            throw new Error(signInDelayedCode(limit.by, limit.retryAfterMs));
          }
          const user = await findUserForSignIn(email);
          const passwordOk = await checkPassword(password, user?.passwordHash); // unknown email: the same work
          if (!user || !passwordOk || user.status !== "ACTIVE") {
            await recordFailedSignIn(email, ip);
            return null; // one generic message for every failure
          }
          await recordSuccessfulSignIn(user, ip);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
      CredentialsProvider({
        id: "one-time",
        name: "One-time sign-in",
        credentials: { token: { label: "Token", type: "text" } },
        async authorize(credentials, req) {
          const parsed = OneTimeSchema.safeParse(credentials);
          const user = parsed.success ? await consumeSignInToken(parsed.data.token) : null;
          if (!user) return null;
          await recordSuccessfulSignIn(user, requestIp(req?.headers));
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return token;
        }
        if (typeof token.uid !== "string" || typeof token.sv !== "number") throw new SessionEndedError();
        let current;
        try {
          current = await activeSessionUser(token.uid, token.sv);
        } catch (error) {
          // The database is down or restarting: that says nothing about the session, and ending it would sign every
          // writer out and lose the editor's page. Keep the token; getCurrentUser (lib/auth/session.ts) asks again on
          // the same request and meets the same outage, which callers answer with a 503 and a retry.
          if (isDatabaseUnavailable(error)) return token;
          throw error;
        }
        if (!current) throw new SessionEndedError();
        return token;
      },
      async session({ session, token }) {
        // Only identifiers: role and status are read fresh from the database on each request (lib/auth/session.ts).
        if (session.user) Object.assign(session.user, { id: token.uid, sv: token.sv });
        return session;
      },
      // Where next-auth's own endpoints send the browser: a path on this site only (issue 20, finding 1).
      async redirect({ url, baseUrl }) {
        return new URL(sameOriginPath(url, baseUrl) ?? "/", baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.uid === "string" && typeof token.sv === "number") await endSession(token.uid, token.sv);
      },
    },
    logger: {
      error(code, metadata) {
        if (metadata instanceof SessionEndedError || (metadata as { error?: unknown })?.error instanceof SessionEndedError) return; // expected
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}
