/**
 * Links an admin was shown outlive their authority unless withdrawn: an invitation link (possibly for an admin
 * account) and a password reset link for a colleague. A deactivated or demoted admin who kept one must not be able
 * to use it to get back in (a new admin account, or a colleague's account). Other admins' links keep working.
 */
import { describe, expect, it } from "vitest";
import { acceptInvitation, createInvitation, resendInvitation } from "@/lib/data/invitations";
import { completePasswordReset, issuePasswordReset } from "@/lib/data/password-resets";
import { setUserRole, setUserStatus } from "@/lib/data/users/accounts";
import { DataValidationError } from "@/lib/data/errors";
import { makeUser, rawDb, uid } from "../support/factories";

const PASSWORD = "quiet-harbor-lantern-8472";
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
const email = () => `link-${uid()}@test.dateline.test`;

describe("links issued by an admin who loses the right to issue them", () => {
  it("stop working when the admin is deactivated; another admin's links keep working", async () => {
    const [boss, leaving, colleague] = [await makeUser("ADMIN"), await makeUser("ADMIN"), await makeUser("EDITOR")];
    const invite = await createInvitation(leaving, { email: email(), role: "ADMIN" });
    const reset = await issuePasswordReset(leaving, colleague.id);
    const kept = await createInvitation(boss, { email: email(), role: "JOURNALIST" });

    await setUserStatus(boss, leaving.id, "DEACTIVATED");

    await expect(acceptInvitation(tokenOf(invite.link), { name: "Back Door", password: PASSWORD }, { hashRounds: 4 })).rejects.toBeInstanceOf(DataValidationError);
    expect(await rawDb().user.findUnique({ where: { email: invite.email } })).toBeNull();
    const before = await rawDb().user.findUniqueOrThrow({ where: { id: colleague.id }, select: { passwordHash: true } });
    await expect(completePasswordReset(tokenOf(reset.link), PASSWORD, { hashRounds: 4 })).rejects.toBeInstanceOf(DataValidationError);
    expect(await rawDb().user.findUniqueOrThrow({ where: { id: colleague.id }, select: { passwordHash: true } })).toEqual(before);
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "user.deactivate", targetId: leaving.id } });
    expect(audit.details).toEqual({ withdrawnInvitations: 1, withdrawnResetLinks: 1 });

    await expect(acceptInvitation(tokenOf(kept.link), { name: "New Hire", password: PASSWORD }, { hashRounds: 4 })).resolves.toMatchObject({ role: "JOURNALIST" });
  });

  it("stop working when the admin is demoted, including an invitation they only re-sent", async () => {
    const [boss, demoted] = [await makeUser("ADMIN"), await makeUser("ADMIN")];
    const original = await createInvitation(boss, { email: email(), role: "ADMIN" });
    const resent = await resendInvitation(demoted, original.id);

    await setUserRole(boss, demoted.id, "EDITOR");

    await expect(acceptInvitation(tokenOf(resent.link), { name: "Back Door", password: PASSWORD }, { hashRounds: 4 })).rejects.toBeInstanceOf(DataValidationError);
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "user.role_change", targetId: demoted.id } });
    expect(audit.details).toEqual({ from: "ADMIN", to: "EDITOR", withdrawnInvitations: 1 });
  });

  it("leave the audit entry of an ordinary role change as it was", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    await setUserRole(admin, journalist.id, "EDITOR");
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "user.role_change", targetId: journalist.id } });
    expect(audit.details).toEqual({ from: "JOURNALIST", to: "EDITOR" });
  });
});
