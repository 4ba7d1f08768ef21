/**
 * next-auth 4 configuration: email + password (Credentials) with JWT sessions. JWTs cannot be revoked on their own,
 * so each carries the user's id and session version, and lib/auth/session.ts re-checks both against the database on
 * every dashboard and admin request (docs/decisions/0003-session-revocation.md).
 *
 * authorize() checks the sign-in rate limit (lib/data/users/sign-in.ts) before it looks at the password, and answers
 * every refusal (limited, unknown email, wrong password, inactive account) with the same null, which the sign-in
 * page shows as one generic message.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { getEnv } from "@/lib/env";
import { verifyPassword } from "@/lib/auth/password";
import { checkSignInLimit, findUserForSignIn, recordFailedSignIn, recordSuccessfulSignIn } from "@/lib/data/users/sign-in";

const CredentialsSchema = z.object({
  email: text().min(1).max(320),
  password: z.string().min(1).max(1024),
});

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return (first || (typeof real === "string" ? real : "") || "unknown").slice(0, 64);
}

/** The client's address as the audit log and the rate limits record it, from a Fetch API Headers object. */
export function requestIp(headers: Headers): string {
  return clientIp({ "x-forwarded-for": headers.get("x-forwarded-for") ?? undefined, "x-real-ip": headers.get("x-real-ip") ?? undefined });
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
          const ip = clientIp(req?.headers);
          if (!parsed.success) return null;
          const limit = await checkSignInLimit(parsed.data.email, ip);
          if (limit.limited) {
            await recordFailedSignIn(parsed.data.email, ip, "rate_limited");
            return null; // the same answer as a wrong password: nothing tells whether the account exists
          }
          const user = await findUserForSignIn(parsed.data.email);
          const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash);
          if (!user || !passwordOk || user.status !== "ACTIVE") {
            await recordFailedSignIn(parsed.data.email, ip);
            return null; // one generic message for every failure
          }
          await recordSuccessfulSignIn(user, ip);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        // Only identifiers: role and status are read fresh from the database on each request (lib/auth/session.ts).
        if (session.user) Object.assign(session.user, { id: token.uid, sv: token.sv });
        return session;
      },
    },
  };
}
