/**
 * The client address in the audit log and the sign-in limits comes only from proxies the server trusts, and is
 * always an IP address or "unknown" (issue 20, finding 4). The e2e server trusts its loopback peer as a proxy
 * (TRUSTED_PROXIES in scripts/e2e.ts), as an instance behind the cluster's nginx does, so the right-most
 * X-Forwarded-For entry is the one a trusted proxy added and everything to its left is the client's own claim.
 */
import { isIP } from "node:net";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { uniqueId } from "../support/factories";
import { testDb } from "../support/db";

async function failSignIn(request: APIRequestContext, email: string, forwardedFor: string) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "x-forwarded-for": forwardedFor },
    form: { csrfToken, email, password: "not-the-password-at-all", json: "true" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
}

async function recordedAddress(email: string): Promise<string> {
  await expect.poll(() => testDb().auditLog.count({ where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: email } } })).toBe(1);
  const entry = await testDb().auditLog.findFirstOrThrow({ where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: email } }, select: { ip: true } });
  const attempt = await testDb().signInAttempt.findFirstOrThrow({ where: { email }, select: { ip: true } });
  expect(attempt.ip).toBe(entry.ip);
  return entry.ip;
}

test("a forged X-Forwarded-For never reaches the audit log: only the trusted proxy's entry, validated as an IP", async ({ request }) => {
  const cases: [string, string][] = [
    ["=cmd|'/c calc'!A1", "unknown"],
    ["<script>alert(1)</script>", "unknown"],
    ["203.0.113.7, =cmd|'/c calc'!A1", "unknown"],
    ["=cmd|'/c calc'!A1, 203.0.113.8", "203.0.113.8"],
    ["198.51.100.1, 203.0.113.9", "203.0.113.9"],
    ["2001:db8::7", "2001:db8::7"],
  ];
  for (const [forwardedFor, expected] of cases) {
    const email = `address-${uniqueId()}@e2e.dateline.test`;
    await failSignIn(request, email, forwardedFor);
    const ip = await recordedAddress(email);
    expect(ip, forwardedFor).toBe(expected);
    expect(ip === "unknown" || isIP(ip) !== 0, forwardedFor).toBe(true);
  }
});
