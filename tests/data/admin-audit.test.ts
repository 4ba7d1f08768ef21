import { describe, expect, it } from "vitest";
import { iterateAuditEntries, listAuditActions, listAuditEntries, writeAudit } from "@/lib/data/audit";
import { setUserRole } from "@/lib/data/users/accounts";
import { ForbiddenError } from "@/lib/data/errors";
import { csvCell, csvRow } from "@/app/admin/audit/export/csv";
import { AuditQuerySchema, auditFiltersFromQuery } from "@/lib/validation/admin";
import { makeUser, rawDb, uid } from "../support/factories";

describe("audit log", () => {
  it("is append-only: the database refuses UPDATE and DELETE, even around the app", async () => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("JOURNALIST");
    await setUserRole(admin, target.id, "EDITOR");
    const entry = await rawDb().auditLog.findFirstOrThrow({ where: { action: "user.role_change", targetId: target.id } });
    await expect(rawDb().auditLog.update({ where: { id: entry.id }, data: { action: "nothing.happened" } })).rejects.toThrow(/append-only/);
    await expect(rawDb().auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(rawDb().$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE id = $1`, entry.id)).rejects.toThrow(/append-only/);
    await expect(rawDb().$executeRawUnsafe(`UPDATE "AuditLog" SET "actorEmail" = '' WHERE id = $1`, entry.id)).rejects.toThrow(/append-only/);
    expect(await rawDb().auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  it("is written in the same transaction as the change: a refused change leaves no entry", async () => {
    const admin = await makeUser("ADMIN");
    const others = await rawDb().user.findMany({ where: { role: "ADMIN", status: "ACTIVE", id: { not: admin.id } }, select: { id: true } });
    await rawDb().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: "DEACTIVATED" } });
    try {
      await expect(setUserRole(admin, admin.id, "JOURNALIST")).rejects.toThrow();
    } finally {
      await rawDb().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: "ACTIVE" } });
    }
    expect(await rawDb().auditLog.count({ where: { action: "user.role_change", targetId: admin.id } })).toBe(0);

    // And a change whose transaction rolls back takes its entry with it.
    const marker = `rolled-back-${uid()}`;
    await expect(
      rawDb().$transaction(async (tx) => {
        await writeAudit(tx, { actor: admin, action: marker });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await rawDb().auditLog.count({ where: { action: marker } })).toBe(0);
  });

  it("lists entries for admins, filtered by action, actor and dates, newest first, in pages", async () => {
    const admin = await makeUser("ADMIN");
    const action = `test.audit_${uid()}`;
    for (let i = 0; i < 3; i++) await writeAudit(rawDb(), { actor: admin, action, targetId: String(i) });
    await writeAudit(rawDb(), { action, targetId: "system" });

    const all = await listAuditEntries(admin, { action });
    expect(all.total).toBe(4);
    expect(all.items[0]!.targetId).toBe("system");
    expect((await listAuditEntries(admin, { action, actor: admin.email.slice(0, 12).toUpperCase() })).total).toBe(3);
    expect((await listAuditEntries(admin, { action, actor: "system" })).total).toBe(1);
    expect((await listAuditEntries(admin, { action, from: new Date(Date.now() + 60_000) })).total).toBe(0);
    expect((await listAuditEntries(admin, { action, to: new Date(Date.now() - 86_400_000) })).total).toBe(0);
    expect(await listAuditActions(admin)).toContain(action);

    const batches: number[] = [];
    for await (const batch of iterateAuditEntries(admin, { action }, 3)) batches.push(batch.length);
    expect(batches).toEqual([3, 1]);
  });

  it("refuses editors and journalists", async () => {
    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      const actor = await makeUser(role);
      await expect(listAuditEntries(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAuditActions(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(iterateAuditEntries(actor).next()).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("reads the date filters as whole days in the newsroom's time zone", () => {
    const query = AuditQuerySchema.parse({ from: "2026-03-01", to: "2026-03-01", action: "", actor: "" });
    const filters = auditFiltersFromQuery(query, "America/Monterrey");
    expect(filters.from?.toISOString()).toBe("2026-03-01T06:00:00.000Z");
    expect(filters.to?.toISOString()).toBe("2026-03-02T06:00:00.000Z");
    expect(AuditQuerySchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
    expect(AuditQuerySchema.safeParse({ from: "yesterday" }).success).toBe(false);
  });

  it("exports CSV that a spreadsheet cannot run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ["+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).startsWith(`"'${start}`)).toBe(true);
    expect(csvCell("plain, text")).toBe(`"plain, text"`);
    expect(csvCell({ email: "a@b" })).toBe(`"{""email"":""a@b""}"`);
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe(`"2026-01-02T03:04:05.000Z"`);
    expect(csvCell(null)).toBe(`""`);
    expect(csvRow(["a", "=b"])).toBe(`"a","'=b"\r\n`);
  });
});
