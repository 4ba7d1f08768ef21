import { describe, expect, it } from "vitest";
import { checkSignInLimit, pruneSignInAttempts, recordFailedSignIn, recordSuccessfulSignIn, SIGN_IN_LIMITS } from "@/lib/data/users/sign-in";
import { makeUser, rawDb, uid } from "../support/factories";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uid()}`;

describe("sign-in rate limit", () => {
  it("limits an account after 5 failures in 15 minutes, existing or not, from any address", async () => {
    expect(SIGN_IN_LIMITS).toMatchObject({ perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 });
    const user = await makeUser("JOURNALIST");
    for (const email of [user.email, `ghost-${uid()}@example.test`]) {
      for (let i = 0; i < 4; i++) await recordFailedSignIn(email, ip());
      expect(await checkSignInLimit(email, ip())).toEqual({ limited: false });
      await recordFailedSignIn(email.toUpperCase(), ip());
      expect(await checkSignInLimit(email, ip())).toEqual({ limited: true, by: "account" });
    }
    expect(await rawDb().auditLog.count({ where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: user.email } } })).toBe(5);
  });

  it("counts only the window, and only failures since the last successful sign-in", async () => {
    const user = await makeUser("EDITOR");
    const old = new Date(Date.now() - SIGN_IN_LIMITS.windowMs - 60_000);
    await rawDb().signInAttempt.createMany({ data: Array.from({ length: 10 }, () => ({ email: user.email, ip: "192.0.2.1", succeeded: false, createdAt: old })) });
    expect(await checkSignInLimit(user.email, ip())).toEqual({ limited: false });

    for (let i = 0; i < 4; i++) await recordFailedSignIn(user.email, ip());
    await recordSuccessfulSignIn(user, ip());
    await recordFailedSignIn(user.email, ip());
    expect(await checkSignInLimit(user.email, ip())).toEqual({ limited: false });
  });

  it("limits an address after 20 failures in 15 minutes, whatever emails it tried", async () => {
    const address = ip();
    for (let i = 0; i < 19; i++) await recordFailedSignIn(`spray-${i}-${uid()}@example.test`, address);
    expect(await checkSignInLimit(`fresh-${uid()}@example.test`, address)).toEqual({ limited: false });
    await recordFailedSignIn(`spray-last-${uid()}@example.test`, address);
    expect(await checkSignInLimit(`fresh-${uid()}@example.test`, address)).toEqual({ limited: true, by: "address" });
    expect(await checkSignInLimit(`fresh-${uid()}@example.test`, ip())).toEqual({ limited: false });
  });

  it("records a limited attempt as a failure with its reason, and prunes what no limit needs", async () => {
    const email = `limited-${uid()}@example.test`;
    await recordFailedSignIn(email, "192.0.2.7", "rate_limited");
    expect(await rawDb().auditLog.findFirst({ where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: email } } })).toMatchObject({
      details: { email, reason: "rate_limited" },
      ip: "192.0.2.7",
    });
    await rawDb().signInAttempt.create({ data: { email, ip: "192.0.2.7", succeeded: false, createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    expect(await pruneSignInAttempts()).toBeGreaterThanOrEqual(1);
    expect(await rawDb().signInAttempt.count({ where: { email } })).toBe(1);
  });
});
