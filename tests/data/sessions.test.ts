/** Ending sessions (issue 20, finding 6): sign-out and "sign out everywhere" move the session version on. */
import { describe, expect, it } from "vitest";
import { getActiveSessionUser } from "@/lib/data/users/sign-in";
import { endAllSessions, endSession } from "@/lib/data/users/sessions";
import { makeUser, rawDb } from "../support/factories";

const versionOf = async (id: string) => (await rawDb().user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("ending sessions", () => {
  it("signing out ends that session and every copy of it, once, with an audit entry", async () => {
    const user = await makeUser("JOURNALIST");
    const sv = await versionOf(user.id);
    expect(await getActiveSessionUser(user.id, sv)).toMatchObject({ id: user.id });
    expect(await endSession(user.id, sv, "203.0.113.4")).toBe(true);
    expect(await getActiveSessionUser(user.id, sv)).toBeNull();
    expect(await versionOf(user.id)).toBe(sv + 1);
    // A stale (already ended) or forged version changes nothing.
    expect(await endSession(user.id, sv)).toBe(false);
    expect(await endSession(user.id, sv + 7)).toBe(false);
    expect(await versionOf(user.id)).toBe(sv + 1);
    const entries = await rawDb().auditLog.findMany({ where: { action: "auth.sign_out", targetId: user.id }, select: { actorId: true, ip: true } });
    expect(entries).toEqual([{ actorId: user.id, ip: "203.0.113.4" }]);
  });

  it("“sign out everywhere” ends every session of the account, audited", async () => {
    const user = await makeUser("EDITOR");
    const sv = await versionOf(user.id);
    await endAllSessions(user);
    expect(await getActiveSessionUser(user.id, sv)).toBeNull();
    expect(await rawDb().auditLog.count({ where: { action: "auth.sign_out_everywhere", actorId: user.id } })).toBe(1);
  });
});
