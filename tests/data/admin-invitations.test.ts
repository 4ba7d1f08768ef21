import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { acceptInvitation, createInvitation, getInvitationForToken, listInvitations, resendInvitation, revokeInvitation } from "@/lib/data/invitations";
import { getActiveSessionUser } from "@/lib/data/users/sign-in";
import { consumeSignInToken, SIGN_IN_TOKEN_TTL_MS } from "@/lib/data/users/sign-in-tokens";
import { DataValidationError, ForbiddenError } from "@/lib/data/errors";
import { makeUser, rawDb, uid } from "../support/factories";

const tokenOf = (link: string) => link.split("/invite/")[1]!;
const PASSWORD = "plum-harbor-lantern-81";

// Without SMTP_URL the mail module writes messages to the log; keep the test output readable.
beforeAll(() => void vi.spyOn(console, "info").mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

describe("invitations", () => {
  it("invites, shows a link that works once, and creates an ACTIVE account with the invited role", async () => {
    const admin = await makeUser("ADMIN");
    const email = `Invitee-${uid()}@Example.test`;
    const issued = await createInvitation(admin, { email, role: "EDITOR" });
    expect(issued.email).toBe(email.toLowerCase());
    expect(issued.delivery).toBe("logged");
    expect(issued.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await rawDb().invitation.findUniqueOrThrow({ where: { id: issued.id } });
    expect(stored.tokenHash).not.toContain(tokenOf(issued.link));
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const days = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);

    const token = tokenOf(issued.link);
    expect(await getInvitationForToken(token)).toMatchObject({ email: email.toLowerCase(), role: "EDITOR" });
    const user = await acceptInvitation(token, { name: "Nadia Invitee", password: PASSWORD }, { hashRounds: 4 });
    expect(user.role).toBe("EDITOR");
    const row = await rawDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true, name: true, sessionVersion: true } });
    expect(row).toMatchObject({ status: "ACTIVE", name: "Nadia Invitee" });
    expect(await getActiveSessionUser(user.id, row.sessionVersion)).toMatchObject({ role: "EDITOR" });

    // Single use: the same link is refused the second time and on the page.
    expect(await getInvitationForToken(token)).toBeNull();
    await expect(acceptInvitation(token, { name: "Again", password: PASSWORD }, { hashRounds: 4 })).rejects.toBeInstanceOf(DataValidationError);
    expect(await rawDb().user.count({ where: { email: email.toLowerCase() } })).toBe(1);

    const audit = await rawDb().auditLog.findMany({ where: { targetId: issued.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["invitation.create", "invitation.accept"]);
    expect(audit[0]!.actorId).toBe(admin.id);
    expect(audit[1]!.actorId).toBe(user.id);
  });

  it("signs the new person in once: a one-time token, stored hashed, for two minutes, for an active account", async () => {
    const admin = await makeUser("ADMIN");
    const accept = async (name: string) => {
      const issued = await createInvitation(admin, { email: `one-time-${uid()}@example.test`, role: "JOURNALIST" });
      return acceptInvitation(tokenOf(issued.link), { name, password: PASSWORD }, { hashRounds: 4 });
    };
    const user = await accept("Once Signed");
    expect(user.signInToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await rawDb().signInToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(user.signInToken);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(SIGN_IN_TOKEN_TTL_MS + 1_000);

    const row = await rawDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(await consumeSignInToken(user.signInToken)).toEqual({ id: user.id, email: user.email, name: "Once Signed", sessionVersion: row.sessionVersion });
    expect(await consumeSignInToken(user.signInToken)).toBeNull(); // used up
    expect(await consumeSignInToken("x".repeat(43))).toBeNull();

    const late = await accept("Too Slow");
    await rawDb().signInToken.updateMany({ where: { userId: late.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await consumeSignInToken(late.signInToken)).toBeNull();

    const deactivated = await accept("Deactivated Meanwhile");
    await rawDb().user.update({ where: { id: deactivated.id }, data: { status: "DEACTIVATED" } });
    expect(await consumeSignInToken(deactivated.signInToken)).toBeNull();
  });

  it("refuses an expired link", async () => {
    const admin = await makeUser("ADMIN");
    const issued = await createInvitation(admin, { email: `late-${uid()}@example.test`, role: "JOURNALIST" });
    await rawDb().invitation.update({ where: { id: issued.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getInvitationForToken(tokenOf(issued.link))).toBeNull();
    await expect(acceptInvitation(tokenOf(issued.link), { name: "Too Late", password: PASSWORD }, { hashRounds: 4 })).rejects.toThrow(/not valid/);
    expect((await listInvitations(admin, { state: "expired" })).map((i) => i.id)).toContain(issued.id);
  });

  it("revokes: the link stops working and cannot be revoked or resent again", async () => {
    const admin = await makeUser("ADMIN");
    const issued = await createInvitation(admin, { email: `revoked-${uid()}@example.test`, role: "JOURNALIST" });
    await revokeInvitation(admin, issued.id);
    expect(await getInvitationForToken(tokenOf(issued.link))).toBeNull();
    await expect(acceptInvitation(tokenOf(issued.link), { name: "Revoked", password: PASSWORD }, { hashRounds: 4 })).rejects.toThrow(/not valid/);
    await expect(revokeInvitation(admin, issued.id)).rejects.toThrow("already revoked");
    await expect(resendInvitation(admin, issued.id)).rejects.toThrow(/revoked/);
    expect(await rawDb().auditLog.count({ where: { action: "invitation.revoke", targetId: issued.id, actorId: admin.id } })).toBe(1);
  });

  it("resends with a new link; the old one is dead", async () => {
    const admin = await makeUser("ADMIN");
    const issued = await createInvitation(admin, { email: `resent-${uid()}@example.test`, role: "JOURNALIST" });
    await rawDb().invitation.update({ where: { id: issued.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const again = await resendInvitation(admin, issued.id);
    expect(again.id).toBe(issued.id);
    expect(again.link).not.toBe(issued.link);
    expect(again.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(await getInvitationForToken(tokenOf(issued.link))).toBeNull();
    expect(await getInvitationForToken(tokenOf(again.link))).not.toBeNull();
    const user = await acceptInvitation(tokenOf(again.link), { name: "Resent Person", password: PASSWORD }, { hashRounds: 4 });
    expect(user.role).toBe("JOURNALIST");
  });

  it("replaces a pending invitation for the same email and refuses an email that has an account", async () => {
    const admin = await makeUser("ADMIN");
    const email = `twice-${uid()}@example.test`;
    const first = await createInvitation(admin, { email, role: "JOURNALIST" });
    const second = await createInvitation(admin, { email, role: "EDITOR" });
    expect(await getInvitationForToken(tokenOf(first.link))).toBeNull();
    expect(await getInvitationForToken(tokenOf(second.link))).toMatchObject({ role: "EDITOR" });

    const existing = await makeUser("JOURNALIST");
    await expect(createInvitation(admin, { email: existing.email.toUpperCase(), role: "EDITOR" })).rejects.toThrow(/already an account/);
  });

  it("refuses a weak password or the person's own name without using the link up", async () => {
    const admin = await makeUser("ADMIN");
    const issued = await createInvitation(admin, { email: `weak-${uid()}@example.test`, role: "JOURNALIST" });
    const token = tokenOf(issued.link);
    await expect(acceptInvitation(token, { name: "Weak Person", password: "password1234" }, { hashRounds: 4 })).rejects.toMatchObject({ field: "password" });
    await expect(acceptInvitation(token, { name: "Long Name Person", password: "Long Name Person" }, { hashRounds: 4 })).rejects.toMatchObject({ field: "password" });
    expect(await getInvitationForToken(token)).not.toBeNull();
  });

  it("lets only admins invite, resend, revoke or list, and changes nothing when refused", async () => {
    const admin = await makeUser("ADMIN");
    const issued = await createInvitation(admin, { email: `guarded-${uid()}@example.test`, role: "JOURNALIST" });
    const before = await rawDb().invitation.findUniqueOrThrow({ where: { id: issued.id } });
    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      const actor = await makeUser(role);
      await expect(createInvitation(actor, { email: `x-${uid()}@example.test`, role: "ADMIN" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resendInvitation(actor, issued.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeInvitation(actor, issued.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listInvitations(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rawDb().invitation.findUniqueOrThrow({ where: { id: issued.id } })).toEqual(before);
  });
});
