import { describe, expect, it } from "vitest";
import { createUser, listUsers, setUserStatus } from "@/lib/data/users/accounts";
import { getActiveSessionUser } from "@/lib/data/users/sign-in";
import { DataValidationError } from "@/lib/data/errors";
import { makeUser, rawDb, uid } from "../support/factories";

describe("users", () => {
  it("treats emails that differ only in letter case as the same account", async () => {
    const local = `Ana.Case-${uid()}`;
    const created = await createUser(null, { email: `${local}@Dateline.TEST`, name: "Ana Case", role: "JOURNALIST", password: "a-long-test-password" }, { hashRounds: 4 });
    expect(created.email).toBe(`${local.toLowerCase()}@dateline.test`);
    await expect(
      createUser(null, { email: `${local.toUpperCase()}@dateline.test`, name: "Ana Again", role: "EDITOR", password: "a-long-test-password" }, { hashRounds: 4 }),
    ).rejects.toBeInstanceOf(DataValidationError);
    expect(await rawDb().user.count({ where: { email: { equals: `${local}@dateline.test`, mode: "insensitive" } } })).toBe(1);
  });

  it("has the database refuse a mixed-case email written around the data layer", async () => {
    await expect(
      rawDb().user.create({ data: { email: `Mixed-${uid()}@Dateline.test`, name: "Raw", slug: `raw-${uid()}`, role: "JOURNALIST" } }),
    ).rejects.toThrow();
  });

  it("ends a deactivated user's sessions and keeps the last active admin", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    const before = await rawDb().user.findUniqueOrThrow({ where: { id: journalist.id }, select: { sessionVersion: true } });
    expect(await getActiveSessionUser(journalist.id, before.sessionVersion)).not.toBeNull();

    await setUserStatus(admin, journalist.id, "DEACTIVATED");
    expect(await getActiveSessionUser(journalist.id, before.sessionVersion)).toBeNull();
    const audit = await rawDb().auditLog.findFirst({ where: { action: "user.deactivate", targetId: journalist.id } });
    expect(audit?.actorId).toBe(admin.id);

    // Make `admin` the only active admin, then try to deactivate them.
    await rawDb().user.updateMany({ where: { role: "ADMIN", status: "ACTIVE", id: { not: admin.id } }, data: { status: "DEACTIVATED" } });
    await expect(setUserStatus(admin, admin.id, "DEACTIVATED")).rejects.toThrow("The last active admin cannot be deactivated.");
    const users = await listUsers(admin, { role: "ADMIN", status: "ACTIVE" });
    expect(users.map((u) => u.id)).toEqual([admin.id]);
  });

  it("refuses status changes from anyone but an admin", async () => {
    const editor = await makeUser("EDITOR");
    const journalist = await makeUser("JOURNALIST");
    await expect(setUserStatus(editor, journalist.id, "DEACTIVATED")).rejects.toThrow(/permission/);
  });

  it("never returns the password hash unless asked", async () => {
    const user = await makeUser("JOURNALIST");
    const row = await rawDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
    expect(DataValidationError).toBeDefined();
  });
});
