/**
 * Request-level helpers for the security specs: signing in through next-auth's endpoints with Playwright's request
 * context (no browser), from an address of the test's own (the sign-in rate limit counts per address).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { uniqueAddress } from "../support/admin-helpers";
import type { TestUser } from "../support/factories";

/** Signs `user` in; the request context keeps the session cookie. Returns the sign-in response's Set-Cookie lines. */
export async function signInWithRequest(request: APIRequestContext, user: TestUser): Promise<string[]> {
  const address = uniqueAddress();
  const csrf = await request.get("/api/auth/csrf", { headers: { "x-forwarded-for": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": address },
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBeLessThan(400);
  const session = await request.get("/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(user.email);
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
}

/** The inline scripts of an HTML page that run as JavaScript (no src, no data-block type), as the browser hashes them. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes!) && !/\stype="application\/(?:ld\+)?json"/.test(attributes!))
    .map(([, , body]) => body!);
}

export function directive(policy: string | undefined, name: string): string | undefined {
  return policy
    ?.split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

const APP = path.resolve(process.cwd(), "app");

/** Route patterns ("/dashboard/articles/[id]") of every page and route handler under app/, route groups removed. */
export function discoverRoutes(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return discoverRoutes(full);
    if (!/^(page\.tsx|route\.tsx?)$/.test(entry.name)) return [];
    const segments = path
      .relative(APP, dir)
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s));
    return [`/${segments.join("/")}`];
  });
}
