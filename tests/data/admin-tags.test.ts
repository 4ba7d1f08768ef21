import { describe, expect, it } from "vitest";
import { createTag, getTagForAdmin, listTagsForAdmin, mergeTags, renameTag, resolveTagSlug } from "@/lib/data/tags";
import { ForbiddenError } from "@/lib/data/errors";
import { TagInputSchema } from "@/lib/validation/admin";
import { makeArticle, makeUser, rawDb, uid } from "../support/factories";

async function tagArticle(articleId: string, tagId: string, position = 0) {
  await rawDb().articleTag.create({ data: { articleId, tagId, position } });
}

describe("admin tags", () => {
  it("creates and renames a tag; the old slug redirects", async () => {
    const admin = await makeUser("ADMIN");
    const id = uid();
    const tag = await createTag(admin, TagInputSchema.parse({ name: `Drought ${id}` }));
    expect(tag.slug).toBe(`drought-${id}`);
    await expect(createTag(admin, { name: `DROUGHT ${id}`, slug: `other-${id}` })).rejects.toMatchObject({ field: "name" });

    const before = new Date(Date.now() - 1000);
    await renameTag(admin, tag.id, { name: `Dry spell ${id}`, slug: `dry-spell-${id}` });
    expect(await resolveTagSlug(`drought-${id}`)).toBe(`dry-spell-${id}`);
    expect(await resolveTagSlug(`dry-spell-${id}`)).toBeNull();
    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining([`tag:drought-${id}`, `tag:dry-spell-${id}`, "latest"]));
    expect(await rawDb().auditLog.count({ where: { action: "tag.rename", targetId: tag.id, actorId: admin.id } })).toBe(1);
  });

  it("merges: articles move to the target (once), the source is deleted and its slugs redirect to the target", async () => {
    const admin = await makeUser("ADMIN");
    const journalist = await makeUser("JOURNALIST");
    const id = uid();
    const source = await createTag(admin, { name: `Aqua ${id}`, slug: `aqua-${id}` });
    const target = await createTag(admin, { name: `Water ${id}`, slug: `water-${id}` });
    await renameTag(admin, source.id, { name: `Agua ${id}`, slug: `agua-${id}` }); // leaves aqua-… → source
    const onlySource = await makeArticle(journalist, { status: "PUBLISHED" });
    const both = await makeArticle(journalist, { status: "PUBLISHED" });
    const onlyTarget = await makeArticle(journalist, { status: "DRAFT" });
    await tagArticle(onlySource.id, source.id, 2);
    await tagArticle(both.id, source.id, 0);
    await tagArticle(both.id, target.id, 1);
    await tagArticle(onlyTarget.id, target.id);
    const before = new Date(Date.now() - 1000);

    const result = await mergeTags(admin, source.id, target.id);
    expect(result).toMatchObject({ movedArticles: 1, articles: 2 });
    expect(await rawDb().tag.findUnique({ where: { id: source.id } })).toBeNull();
    const links = await rawDb().articleTag.findMany({ where: { tagId: target.id }, orderBy: { articleId: "asc" } });
    expect(links.map((l) => l.articleId).sort()).toEqual([onlySource.id, both.id, onlyTarget.id].sort());
    expect(links.find((l) => l.articleId === onlySource.id)?.position).toBe(2);
    expect(await resolveTagSlug(`agua-${id}`)).toBe(`water-${id}`);
    expect(await resolveTagSlug(`aqua-${id}`)).toBe(`water-${id}`);
    expect((await getTagForAdmin(admin, target.id))?.formerSlugs.sort()).toEqual([`agua-${id}`, `aqua-${id}`].sort());

    const tags = (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: before } } })).map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining([`tag:agua-${id}`, `tag:water-${id}`, "latest", `article:${onlySource.slug}`, `article:${both.slug}`]));
    const audit = await rawDb().auditLog.findFirstOrThrow({ where: { action: "tag.merge", targetId: target.id } });
    expect(audit.details).toMatchObject({ from: { slug: `agua-${id}` }, into: { slug: `water-${id}` }, articles: 2 });

    await expect(mergeTags(admin, target.id, target.id)).rejects.toMatchObject({ field: "targetId" });
  });

  it("refuses editors and journalists without changing anything", async () => {
    const admin = await makeUser("ADMIN");
    const a = await createTag(admin, { name: `Keep ${uid()}`, slug: `keep-${uid()}` });
    const b = await createTag(admin, { name: `Also ${uid()}`, slug: `also-${uid()}` });
    for (const role of ["EDITOR", "JOURNALIST"] as const) {
      const actor = await makeUser(role);
      await expect(createTag(actor, { name: `X ${uid()}`, slug: `x-${uid()}` })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(renameTag(actor, a.id, { name: "Hijack", slug: `hijack-${uid()}` })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(mergeTags(actor, a.id, b.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listTagsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rawDb().tag.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { name: "asc" }, select: { name: true, slug: true } })).toEqual(
      [a, b].map((t) => ({ name: t.name, slug: t.slug })).sort((x, y) => x.name.localeCompare(y.name)),
    );
  });
});
