/**
 * Session cookies in production over https: next-auth's own handler, with our options and a site URL on https,
 * signs a real user in (against the test database) and must set the session and CSRF cookies HttpOnly,
 * SameSite=Lax, Secure and with the __Secure-/__Host- prefixes. (The e2e suite checks the http attributes.)
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthHandler as AuthHandlerType } from "../../node_modules/next-auth/core/index";
import { getAuthOptions } from "@/lib/auth/options";
import { makeUser } from "../support/factories";

// next-auth's core handler (what its route handler calls); its package exports do not list the path.
const { AuthHandler } = createRequire(import.meta.url)("../../node_modules/next-auth/core/index.js") as { AuthHandler: typeof AuthHandlerType };

type Cookie = { name: string; value: string; options: { httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string } };

const previousUrl = process.env.NEXTAUTH_URL;
beforeAll(() => {
  process.env.NEXTAUTH_URL = "https://news.example.com";
});
afterAll(() => {
  if (previousUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = previousUrl;
});

const headers = { host: "news.example.com", "x-forwarded-proto": "https", "x-forwarded-for": "10.9.8.7" };

describe("next-auth cookies over https", () => {
  it("are HttpOnly, SameSite=Lax, Secure and prefixed", async () => {
    const options = getAuthOptions();
    const csrf = await AuthHandler({ req: { action: "csrf", method: "GET", headers, cookies: {}, query: {} }, options });
    const csrfCookie = (csrf.cookies as Cookie[] | undefined)?.find((c) => c.name.endsWith("next-auth.csrf-token"));
    expect(csrfCookie?.name).toBe("__Host-next-auth.csrf-token");
    expect(csrfCookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });

    const user = await makeUser("JOURNALIST");
    const signIn = await AuthHandler({
      req: {
        action: "callback",
        providerId: "credentials",
        method: "POST",
        headers,
        cookies: { [csrfCookie!.name]: csrfCookie!.value },
        query: {},
        body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, email: user.email, password: "a-long-test-password" },
      },
      options,
    });
    expect(signIn.redirect ?? "").not.toContain("error");
    const session = (signIn.cookies as Cookie[] | undefined)?.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.value.length).toBeGreaterThan(20);
    expect(session?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
  });
});
