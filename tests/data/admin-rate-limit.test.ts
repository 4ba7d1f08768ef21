/**
 * Sign-in limits (issue 20, finding 5): a progressive delay per account instead of a lock, refusals that neither
 * count nor extend it, an address limit that spares the staff who sign in from that address, an admin's unlock,
 * and a completed password reset clearing the delay. Counted in PostgreSQL, so every instance shares them.
 */
import { describe, expect, it } from "vitest";
import {
  checkSignInLimit,
  listSignInDelays,
  pruneSignInAttempts,
  recordFailedSignIn,
  recordRefusedSignIn,
  recordSuccessfulSignIn,
  SIGN_IN_LIMITS,
  signInDelayMs,
  unlockSignIn,
} from "@/lib/data/users/sign-in";
import { completePasswordReset, issuePasswordReset } from "@/lib/data/password-resets";
import { writeAudit } from "@/lib/data/audit";
import { ForbiddenError } from "@/lib/data/errors";
import { makeUser, rawDb, uid } from "../support/factories";

let counter = 0;
const ip = () => `198.51.${Math.floor(counter / 250) % 250}.${(counter++ % 250) + 1}`;
const minutes = (n: number) => n * 60_000;

async function failTimes(email: string, times: number, address: () => string = ip) {
  for (let i = 0; i < times; i++) await recordFailedSignIn(email, address());
}

describe("the per-account delay", () => {
  it("grows with each failure after five, up to a ceiling", () => {
    expect([0, 1, 4].map(signInDelayMs)).toEqual([0, 0, 0]);
    expect(signInDelayMs(5)).toBe(SIGN_IN_LIMITS.firstDelayMs);
    expect(signInDelayMs(6)).toBe(2 * SIGN_IN_LIMITS.firstDelayMs);
    expect(signInDelayMs(7)).toBe(4 * SIGN_IN_LIMITS.firstDelayMs);
    expect(signInDelayMs(50)).toBe(SIGN_IN_LIMITS.maxDelayMs);
    expect(SIGN_IN_LIMITS.maxDelayMs).toBeLessThanOrEqual(minutes(15));
  });

  it("delays an account after five failures, existing or not, from any address, and only for a while", async () => {
    const user = await makeUser("JOURNALIST");
    for (const email of [user.email, `ghost-${uid()}@example.test`]) {
      await failTimes(email, 4);
      expect(await checkSignInLimit(email, ip())).toEqual({ limited: false });
      await recordFailedSignIn(email.toUpperCase(), ip());
      const now = new Date();
      const limit = await checkSignInLimit(email, ip(), now);
      expect(limit).toMatchObject({ limited: true, by: "account" });
      expect(limit.limited && limit.retryAfterMs).toBeGreaterThan(SIGN_IN_LIMITS.firstDelayMs - 5_000);
      expect(limit.limited && limit.retryAfterMs).toBeLessThanOrEqual(SIGN_IN_LIMITS.firstDelayMs);
      // Once the delay has passed, the next attempt is allowed (no lock).
      const later = new Date(now.getTime() + SIGN_IN_LIMITS.firstDelayMs + 1_000);
      expect(await checkSignInLimit(email, ip(), later)).toEqual({ limited: false });
    }
  });

  it("does not count or extend the delay for attempts refused during it", async () => {
    const email = `hammered-${uid()}@example.test`;
    await failTimes(email, 5);
    const first = await checkSignInLimit(email, ip());
    for (let i = 0; i < 10; i++) await recordRefusedSignIn(email, ip(), "account");
    const again = await checkSignInLimit(email, ip());
    expect(again.limited && again.retryAfterMs).toBeLessThanOrEqual(first.limited ? first.retryAfterMs : 0);
    expect(await rawDb().signInAttempt.count({ where: { email } })).toBe(5);
    const refusals = await rawDb().auditLog.findMany({ where: { action: "auth.sign_in_failed", details: { path: ["email"], equals: email } }, select: { details: true } });
    expect(refusals.filter((r) => (r.details as { reason?: string }).reason === "rate_limited")).toHaveLength(10);
  });

  it("is cleared by a successful sign-in", async () => {
    const user = await makeUser("EDITOR");
    await failTimes(user.email, 4);
    await recordSuccessfulSignIn(user, ip());
    await failTimes(user.email, 4);
    expect(await checkSignInLimit(user.email, ip())).toEqual({ limited: false });
  });

  it("forgets failures older than a day", async () => {
    const user = await makeUser("EDITOR");
    const old = new Date(Date.now() - SIGN_IN_LIMITS.keepFailuresMs - minutes(1));
    await rawDb().signInAttempt.createMany({ data: Array.from({ length: 10 }, () => ({ email: user.email, ip: "192.0.2.1", succeeded: false, createdAt: old })) });
    expect(await checkSignInLimit(user.email, ip())).toEqual({ limited: false });
  });

  it("is lifted by an admin's unlock (audited), which only admins may do", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const user = await makeUser("JOURNALIST");
    await failTimes(user.email, 7);
    expect((await listSignInDelays(admin, [user.email, editor.email])).has(user.email)).toBe(true);
    expect((await listSignInDelays(admin, [user.email, editor.email])).has(editor.email)).toBe(false);
    await expect(unlockSignIn(editor, user.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listSignInDelays(editor, [user.email])).rejects.toBeInstanceOf(ForbiddenError);
    expect((await checkSignInLimit(user.email, ip())).limited).toBe(true);

    expect(await unlockSignIn(admin, user.id)).toMatchObject({ name: user.name, cleared: 7 });
    expect(await checkSignInLimit(user.email, ip())).toEqual({ limited: false });
    expect((await listSignInDelays(admin, [user.email])).size).toBe(0);
    const entry = await rawDb().auditLog.findFirstOrThrow({ where: { action: "user.sign_in_unlock", targetId: user.id } });
    expect(entry).toMatchObject({ actorId: admin.id, details: { email: user.email, failures: 7 } });
  });

  it("is lifted when the owner completes a password reset", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("JOURNALIST");
    await failTimes(user.email, 6);
    const issued = await issuePasswordReset(admin, user.id);
    await completePasswordReset(issued.link.slice(issued.link.lastIndexOf("/") + 1), "quiet-harbor-lantern-8472", { hashRounds: 4 });
    expect(await checkSignInLimit(user.email, ip())).toEqual({ limited: false });
  });
});

describe("the per-address limit", () => {
  it("slows an address that fails many sign-ins, whatever emails it tried", async () => {
    const address = ip();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress - 1; i++) await recordFailedSignIn(`spray-${i}-${uid()}@example.test`, address);
    expect(await checkSignInLimit(`fresh-${uid()}@example.test`, address)).toEqual({ limited: false });
    await recordFailedSignIn(`spray-last-${uid()}@example.test`, address);
    expect(await checkSignInLimit(`fresh-${uid()}@example.test`, address)).toMatchObject({ limited: true, by: "address" });
    expect(await checkSignInLimit(`fresh-${uid()}@example.test`, ip())).toEqual({ limited: false });
    // Refusals from that address are not counted either.
    await recordRefusedSignIn(`fresh-${uid()}@example.test`, address, "address");
    expect(await rawDb().signInAttempt.count({ where: { ip: address } })).toBe(SIGN_IN_LIMITS.perAddress);
  });

  it("does not shut out staff behind the same address (an office's NAT) who have signed in from it before", async () => {
    const office = ip();
    const colleague = await makeUser("EDITOR");
    await recordSuccessfulSignIn(colleague, office);
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress + 5; i++) await recordFailedSignIn(`someone-else-${i}-${uid()}@example.test`, office);
    expect(await checkSignInLimit(colleague.email, office)).toEqual({ limited: false });
    expect(await checkSignInLimit(`newcomer-${uid()}@example.test`, office)).toMatchObject({ limited: true, by: "address" });
  });

  it("ignores the address when it is unknown (every such client would share one bucket)", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress + 1; i++) await recordFailedSignIn(`anon-${i}-${uid()}@example.test`, "unknown");
    expect(await checkSignInLimit(`anon-fresh-${uid()}@example.test`, "unknown")).toEqual({ limited: false });
  });
});

describe("what the records keep", () => {
  it("stores only an IP address or \"unknown\", whatever text reached it", async () => {
    const email = `forged-${uid()}@example.test`;
    await recordFailedSignIn(email, "=cmd|'/c calc'!A1");
    await recordRefusedSignIn(email, "<script>alert(1)</script>", "account");
    await writeAudit(rawDb(), { action: "test.forged_address", targetId: email, ip: "+SUM(1+1)" });
    await writeAudit(rawDb(), { action: "test.forged_address", targetId: email, ip: "2001:db8::5" });
    expect(await rawDb().signInAttempt.findMany({ where: { email }, select: { ip: true } })).toEqual([{ ip: "unknown" }]);
    const entries = await rawDb().auditLog.findMany({ where: { OR: [{ targetId: email }, { details: { path: ["email"], equals: email } }] }, select: { ip: true }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.ip).sort()).toEqual(["2001:db8::5", "unknown", "unknown", "unknown"]);
  });

  it("prunes failures after a day and successes after the address memory", async () => {
    const email = `old-${uid()}@example.test`;
    const now = Date.now();
    await rawDb().signInAttempt.createMany({
      data: [
        { email, ip: "192.0.2.7", succeeded: false, createdAt: new Date(now - SIGN_IN_LIMITS.keepFailuresMs - minutes(1)) },
        { email, ip: "192.0.2.7", succeeded: true, createdAt: new Date(now - SIGN_IN_LIMITS.keepFailuresMs - minutes(1)) },
        { email, ip: "192.0.2.7", succeeded: true, createdAt: new Date(now - SIGN_IN_LIMITS.knownAddressMs - minutes(1)) },
      ],
    });
    expect(await pruneSignInAttempts()).toBeGreaterThanOrEqual(2);
    expect(await rawDb().signInAttempt.findMany({ where: { email }, select: { succeeded: true } })).toEqual([{ succeeded: true }]);
  });
});
