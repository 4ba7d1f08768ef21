import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { iterateAuditEntries, listAuditActions, listAuditEntries, writeAudit } from "@/lib/data/audit";
import { setUserRole } from "@/lib/data/users/accounts";
import { ForbiddenError } from "@/lib/data/errors";
import { csvCell, csvRow } from "@/app/admin/audit/export/csv";
import { AuditQuerySchema, auditFiltersFromQuery } from "@/lib/validation/admin";
import { createAdSlot, deleteAdSlot } from "@/lib/data/ad-slots";
import { makeArticle, makeSection, makeUser, rawDb, uid } from "../support/factories";

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
    // The export is itself in the log, with the filters it was asked for.
    const exports = await rawDb().auditLog.findMany({ where: { action: "audit.export", actorId: admin.id } });
    expect(exports).toMatchObject([{ actorEmail: admin.email, details: { action, actor: "", from: "", to: "" } }]);
  });

  it("names each entry's target: people, articles, sections, tags, images, ad slots and settings by their names, deleted ones from the entry", async () => {
    const admin = await makeUser("ADMIN");
    const person = await makeUser("JOURNALIST", `Named Person ${uid()}`);
    const section = await makeSection();
    const article = await makeArticle(person, { headline: `Named story ${uid()}` });
    const tag = await rawDb().tag.create({ data: { name: `Named tag ${uid()}`, slug: `named-${uid()}` } });
    const hash = randomBytes(32).toString("hex");
    const media = await rawDb().media.create({ data: { uploaderId: person.id, hash, storageKey: `${hash.slice(0, 32)}-1x1/w320.webp`, filename: "harbor.jpg", mimeType: "image/jpeg", bytes: 1, width: 1, height: 1 } });
    const adName = `Gone ad ${uid()}`;
    const ad = await createAdSlot(admin, { name: adName, placement: "SIDEBAR", enabled: false, kind: "IMAGE", imageUrl: "/logo.png", linkUrl: "", altText: "Logo", html: "", position: 1 });
    await deleteAdSlot(admin, ad.id);
    const marker = uid();
    for (const [targetType, targetId] of [["User", person.id], ["Article", article.id], ["Section", section.id], ["Tag", tag.id], ["Media", media.id], ["Settings", "1"]] as const) {
      await writeAudit(rawDb(), { actor: admin, action: `test.${marker}`, targetType, targetId });
    }
    await writeAudit(rawDb(), { action: `test.${marker}`, targetType: "User", details: { email: "unknown@example.test" } });

    const { items } = await listAuditEntries(admin, { action: `test.${marker}` });
    const byType = Object.fromEntries(items.map((e) => [e.target?.id ? e.target.type : "refused", e.target]));
    expect(byType.User).toMatchObject({ name: `${person.name} (${person.email})`, isDeleted: false, href: `/admin/users?q=${encodeURIComponent(person.email)}` });
    expect(byType.Article).toMatchObject({ name: article.headline, href: `/dashboard/articles/${article.id}` });
    expect(byType.Section).toMatchObject({ name: section.name, href: `/admin/sections/${section.id}` });
    expect(byType.Tag).toMatchObject({ name: tag.name });
    expect(byType.Media).toMatchObject({ name: "harbor.jpg", href: `/dashboard/media/${media.id}` });
    expect(byType.Settings).toMatchObject({ name: "Site settings", href: "/admin/settings" });
    // No account behind a refused sign-in: named by the email it recorded, and not "deleted".
    expect(byType.refused).toMatchObject({ type: "User", name: "unknown@example.test", isDeleted: false, href: null });

    const deleted = (await listAuditEntries(admin, { action: "ad_slot.delete" })).items.find((e) => e.targetId === ad.id)!;
    expect(deleted.target).toEqual({ type: "AdSlot", id: ad.id, name: adName, isDeleted: true, href: null });
    const created = (await listAuditEntries(admin, { action: "ad_slot.create" })).items.find((e) => e.targetId === ad.id)!;
    expect(created.target).toMatchObject({ name: adName, isDeleted: true });
  });

  it("refuses editors and journalists", async () => {
    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      const actor = await makeUser(role);
      await expect(listAuditEntries(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listAuditActions(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(iterateAuditEntries(actor).next()).rejects.toBeInstanceOf(ForbiddenError);
      expect(await rawDb().auditLog.count({ where: { action: "audit.export", actorId: actor.id } })).toBe(0);
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
