import { describe, expect, it } from "vitest";
import { createSection, getSectionForAdmin, listSections, listSectionsForAdmin, moveSection, resolveSectionSlug, updateSection } from "@/lib/data/sections";
import { locateArticle } from "@/lib/data/articles/public";
import { ForbiddenError } from "@/lib/data/errors";
import { AdminSectionInputSchema } from "@/lib/validation/admin";
import { makeArticle, makeUser, rawDb, uid } from "../support/factories";

describe("admin sections", () => {
  it("creates a section at the end of the navigation and audits it", async () => {
    const admin = await makeUser("ADMIN");
    const id = uid();
    const section = await createSection(admin, { name: `Weather ${id}`, slug: `weather-${id}`, description: "Storms." });
    const all = await listSections();
    expect(all.at(-1)).toMatchObject({ id: section.id, slug: `weather-${id}` });
    expect(await rawDb().auditLog.count({ where: { action: "section.create", targetId: section.id, actorId: admin.id } })).toBe(1);
    await expect(createSection(admin, { name: `weather ${id}`.toUpperCase(), slug: `other-${id}`, description: "" })).rejects.toMatchObject({ field: "name" });
    await expect(createSection(admin, { name: `Other ${id}`, slug: `weather-${id}`, description: "" })).rejects.toMatchObject({ field: "slug" });
  });

  it("renames with a redirect from the old slug (section and article URLs) and expires the pages that showed it", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    const id = uid();
    const section = await createSection(admin, { name: `Metro ${id}`, slug: `metro-${id}`, description: "" });
    const article = await makeArticle(journalist, { status: "PUBLISHED", sectionId: section.id });
    const before = new Date(Date.now() - 1000);

    await updateSection(admin, section.id, { name: `City ${id}`, slug: `city-${id}`, description: "The city desk." });
    expect(await rawDb().slugRedirect.findUnique({ where: { entity_oldSlug: { entity: "SECTION", oldSlug: `metro-${id}` } } })).toMatchObject({ targetId: section.id });
    expect(await resolveSectionSlug(`metro-${id}`)).toBe(`city-${id}`);
    expect(await locateArticle(`metro-${id}`, article.slug, article.editionId)).toEqual({ kind: "moved", sectionSlug: `city-${id}`, slug: article.slug });

    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining(["site", `section:metro-${id}`, `section:city-${id}`]));
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "section.rename", targetId: section.id } });
    expect(audit.details).toMatchObject({ from: { slug: `metro-${id}` }, to: { slug: `city-${id}` } });

    // Renamed again: both former slugs lead to the current one; renaming back removes the redirect that would shadow it.
    await updateSection(admin, section.id, { name: `Urban ${id}`, slug: `urban-${id}`, description: "" });
    expect(await resolveSectionSlug(`metro-${id}`)).toBe(`urban-${id}`);
    expect((await getSectionForAdmin(admin, section.id))!.formerSlugs).toEqual([`metro-${id}`, `city-${id}`]);
    await updateSection(admin, section.id, { name: `Metro ${id}`, slug: `metro-${id}`, description: "" });
    expect(await rawDb().slugRedirect.count({ where: { entity: "SECTION", oldSlug: `metro-${id}` } })).toBe(0);
  });

  it("moves sections up and down the navigation", async () => {
    const admin = await makeUser("ADMIN");
    const a = await createSection(admin, { name: `Alpha ${uid()}`, slug: `alpha-${uid()}`, description: "" });
    const b = await createSection(admin, { name: `Beta ${uid()}`, slug: `beta-${uid()}`, description: "" });
    const order = async () => (await listSectionsForAdmin(admin)).map((s) => s.id);
    expect((await order()).slice(-2)).toEqual([a.id, b.id]);
    await moveSection(admin, b.id, "up");
    expect((await order()).slice(-2)).toEqual([b.id, a.id]);
    expect((await listSections()).slice(-2).map((s) => s.id)).toEqual([b.id, a.id]);
    await moveSection(admin, a.id, "down"); // already last: nothing moves
    expect((await order()).slice(-2)).toEqual([b.id, a.id]);
    expect(await rawDb().auditLog.count({ where: { action: "section.reorder", targetId: b.id } })).toBe(1);
  });

  it("validates slugs, reserved ones included", () => {
    expect(AdminSectionInputSchema.safeParse({ name: "Admin", slug: "admin", description: "" }).success).toBe(false);
    expect(AdminSectionInputSchema.safeParse({ name: "Forgot", slug: "forgot-password", description: "" }).success).toBe(false);
    expect(AdminSectionInputSchema.safeParse({ name: "Bad", slug: "Bad Slug", description: "" }).success).toBe(false);
    expect(AdminSectionInputSchema.safeParse({ name: "Sports", slug: "sports", description: "" }).success).toBe(true);
  });

  it("refuses editors and journalists without changing anything", async () => {
    const admin = await makeUser("ADMIN");
    const section = await createSection(admin, { name: `Guarded ${uid()}`, slug: `guarded-${uid()}`, description: "" });
    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      const actor = await makeUser(role);
      await expect(createSection(actor, { name: `X ${uid()}`, slug: `x-${uid()}`, description: "" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateSection(actor, section.id, { name: "Hijacked", slug: `hijacked-${uid()}`, description: "" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(moveSection(actor, section.id, "up")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listSectionsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rawDb().section.findUniqueOrThrow({ where: { id: section.id } })).toMatchObject({ name: section.name, slug: section.slug, position: section.position });
  });
});
