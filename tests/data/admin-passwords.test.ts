import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";
import { completePasswordReset, getPasswordResetForToken, issuePasswordReset, requestPasswordReset } from "@/lib/data/password-resets";
import { createUser, setUserStatus } from "@/lib/data/users/accounts";
import { getActiveSessionUser } from "@/lib/data/users/sign-in";
import { DataValidationError, ForbiddenError } from "@/lib/data/errors";
import { NewPasswordSchema } from "@/lib/validation/users";
import { makeUser, rawDb, uid } from "../support/factories";

const tokenOf = (link: string) => link.split("/reset-password/")[1]!;

beforeAll(() => void vi.spyOn(console, "info").mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

describe("password policy", () => {
  it("wants 12 characters", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(passwordProblem("short-pw-1")).toMatch(/at least 12/);
    expect(passwordProblem("river-copper-window")).toBeNull();
  });

  it("refuses common passwords case-insensitively, also with digits or symbols around a common word", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const weak of ["password1234", "PASSWORD1234", "Password2024!", "iloveyou12345", "qwertyuiop123", "Monkey123456!!", "letmein12345", "1234567890123"]) {
      expect(passwordProblem(weak), weak).toMatch(/too common|too easy/);
    }
  });

  it("refuses keyboard runs, sequences and repeats", () => {
    for (const weak of ["abcdefghijklmno", "123456789012", "qwertyuiopasdf", "zyxwvutsrqpo", "aaaaaaaaaaaaaa", "abcabcabcabc", "1qaz2wsx3edc4rfv", "ababababababab"]) {
      expect(passwordProblem(weak), weak).not.toBeNull();
    }
  });

  it("refuses the person's own email or name", () => {
    const identity = { email: "maria.lopez@dateline.test", name: "María López Garza" };
    expect(passwordProblem("maria.lopez@dateline.test", identity)).toMatch(/email or your name/);
    expect(passwordProblem("MARIA.LOPEZ@DATELINE.TEST", identity)).toMatch(/email or your name/);
    expect(passwordProblem("María López Garza", identity)).toMatch(/email or your name/);
    expect(passwordProblem("maria lopez garza river", identity)).toBeNull();
  });

  it("refuses what bcrypt would silently cut (over 72 bytes)", () => {
    expect(passwordProblem("ñ".repeat(37))).toMatch(/at most 72/);
  });

  it("is what the forms' schema and the data layer apply", async () => {
    expect(NewPasswordSchema.safeParse("password1234").success).toBe(false);
    expect(NewPasswordSchema.safeParse("tangerine-ladder-97").success).toBe(true);
    await expect(createUser(null, { email: `weak-${uid()}@test.dateline.test`, name: "Weak", role: "JOURNALIST", password: "welcome12345" }, { hashRounds: 4 })).rejects.toBeInstanceOf(
      DataValidationError,
    );
  });
});

describe("password resets", () => {
  it("an admin issues a 24-hour single-use link; using it sets the password and ends every session", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    const version = (await rawDb().user.findUniqueOrThrow({ where: { id: journalist.id } })).sessionVersion;
    const issued = await issuePasswordReset(admin, journalist.id);
    expect(issued.delivery).toBe("logged");
    const stored = await rawDb().passwordReset.findFirstOrThrow({ where: { userId: journalist.id }, orderBy: { createdAt: "desc" } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.issuedById).toBe(admin.id);
    expect((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000).toBeCloseTo(24, 1);

    const token = tokenOf(issued.link);
    expect(await getPasswordResetForToken(token)).toEqual({ email: journalist.email });
    await expect(completePasswordReset(token, "password12345", { hashRounds: 4 })).rejects.toMatchObject({ field: "password" });
    await completePasswordReset(token, "saffron-glacier-otter-5", { hashRounds: 4 });

    const after = await rawDb().user.findUniqueOrThrow({ where: { id: journalist.id }, select: { passwordHash: true, sessionVersion: true } });
    expect(after.sessionVersion).toBe(version + 1);
    expect(await getActiveSessionUser(journalist.id, version)).toBeNull();
    expect(await verifyPassword("saffron-glacier-otter-5", after.passwordHash)).toBe(true);

    expect(await getPasswordResetForToken(token)).toBeNull();
    await expect(completePasswordReset(token, "another-fine-password-8", { hashRounds: 4 })).rejects.toMatchObject({ field: "token" });
    const actions = (await rawDb().auditLog.findMany({ where: { targetId: journalist.id, action: { startsWith: "password_reset." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["password_reset.issue", "password_reset.complete"]);
  });

  it("refuses an expired link, and a newer link replaces an older one", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const first = await issuePasswordReset(admin, editor.id);
    const second = await issuePasswordReset(admin, editor.id);
    expect(await getPasswordResetForToken(tokenOf(first.link))).toBeNull();
    expect(await getPasswordResetForToken(tokenOf(second.link))).not.toBeNull();
    await rawDb().passwordReset.updateMany({ where: { userId: editor.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(completePasswordReset(tokenOf(second.link), "saffron-glacier-otter-5", { hashRounds: 4 })).rejects.toMatchObject({ field: "token" });
  });

  it("self-service: one hour, nothing for unknown or deactivated emails, and at most 3 an hour", async () => {
    const journalist = await makeUser("JOURNALIST");
    expect(await requestPasswordReset(`nobody-${uid()}@example.test`)).toBeNull();

    const send = await requestPasswordReset(journalist.email.toUpperCase(), "203.0.113.9");
    expect(send).toBeTypeOf("function");
    expect(await send!()).toBe("logged");
    const stored = await rawDb().passwordReset.findFirstOrThrow({ where: { userId: journalist.id } });
    expect(stored.issuedById).toBeNull();
    expect((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000).toBeCloseTo(60, 0);

    expect(await requestPasswordReset(journalist.email)).not.toBeNull();
    expect(await requestPasswordReset(journalist.email)).not.toBeNull();
    expect(await requestPasswordReset(journalist.email)).toBeNull(); // the fourth within the hour
    expect(await rawDb().passwordReset.count({ where: { userId: journalist.id } })).toBe(3);

    const admin = await makeUser("ADMIN");
    const gone = await makeUser("EDITOR");
    await setUserStatus(admin, gone.id, "DEACTIVATED");
    expect(await requestPasswordReset(gone.email)).toBeNull();
    await expect(issuePasswordReset(admin, gone.id)).rejects.toThrow(/Reactivate/);
  });

  it("only admins issue links for others", async () => {
    const target = await makeUser("JOURNALIST");
    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      await expect(issuePasswordReset(await makeUser(role), target.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rawDb().passwordReset.count({ where: { userId: target.id } })).toBe(0);
  });
});
