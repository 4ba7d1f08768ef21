/** Section and tag names per edition set by admins (docs/decisions/0033-editions-admin.md), in the "es" edition. */
import { describe, expect, it, vi } from "vitest";
import { getEditionNames, localName } from "@/lib/data/editions";
import { ForbiddenError } from "@/lib/data/errors";
import { listSectionTranslations, listTagTranslations, removeSectionTranslation, removeTagTranslation, saveSectionTranslation, saveTagTranslation } from "@/lib/data/name-translations";
import { SectionTranslationIntentSchema, TagTranslationIntentSchema } from "@/lib/validation/editions";
import { makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSpanishEdition } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

const makeTag = () => rawDb().tag.create({ data: { name: `Tag ${uid()}`, slug: `tag-${uid()}` } });

async function expiredSince(since: Date) {
  return (await rawDb().cacheTag.findMany({ where: { expiredAt: { gte: since } }, select: { tag: true } })).map((t) => t.tag);
}

describe("a section's name in an edition", () => {
  it("saves the name, slug and description, audited, and expires the edition's pages, sitemaps and feeds", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const section = await makeSection();
    const slug = `economia-${uid()}`;
    const name = `Economía ${slug}`;
    const since = new Date(Date.now() - 1000);

    await saveSectionTranslation(admin, section.id, "es", { name, slug, description: "Dinero y empresas." });
    const names = await getEditionNames("es");
    expect(names.sections[section.slug]).toEqual({ name, slug, description: "Dinero y empresas." });
    expect(names.sectionBySlug[slug]).toBe(section.slug);
    expect(await expiredSince(since)).toEqual(expect.arrayContaining(["edition-names:es", "latest"]));
    expect(await rawDb().auditLog.findFirst({ where: { action: "section.translate", targetId: section.id, actorId: admin.id } })).toMatchObject({
      details: { edition: "es", to: { name, slug } },
    });
    const listed = await listSectionTranslations(admin, section.id);
    expect(listed.find((e) => e.edition.id === "es")?.translation).toMatchObject({ name, slug });
    expect(listed.some((e) => e.edition.id === "en")).toBe(false);

    // Saved again: changed in place, not a second row.
    await saveSectionTranslation(admin, section.id, "es", { name: `${name} y empresas`, slug, description: "" });
    expect(await rawDb().sectionTranslation.findMany({ where: { sectionId: section.id } })).toMatchObject([{ name: `${name} y empresas`, description: "" }]);
  });

  it("refuses a slug another section answers at in the edition (its translation or its own slug), and a taken name", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const [first, second, third] = [await makeSection(), await makeSection(), await makeSection()];
    const slug = `deportes-${uid()}`;
    await saveSectionTranslation(admin, first.id, "es", { name: `Deportes ${slug}`, slug, description: "" });

    await expect(saveSectionTranslation(admin, second.id, "es", { name: `Otra ${uid()}`, slug, description: "" })).rejects.toMatchObject({ field: "slug", message: expect.stringMatching(/already uses this slug in Español/) });
    await expect(saveSectionTranslation(admin, second.id, "es", { name: `Otra ${uid()}`, slug: third.slug, description: "" })).rejects.toMatchObject({ field: "slug" });
    await expect(saveSectionTranslation(admin, second.id, "es", { name: `deportes ${slug}`.toUpperCase(), slug: `otra-${uid()}`, description: "" })).rejects.toMatchObject({ field: "name" });
    expect(await rawDb().sectionTranslation.count({ where: { sectionId: second.id } })).toBe(0);
    // Its own default slug is its own.
    await saveSectionTranslation(admin, second.id, "es", { name: `Propia ${uid()}`, slug: second.slug, description: "" });
  });

  it("validates the form: an empty name, a bad or reserved slug", () => {
    const parse = (values: Record<string, string>) =>
      SectionTranslationIntentSchema.safeParse({ intent: "save", sectionId: "s1", editionId: "es", name: "Economía", slug: "economia", description: "", ...values });
    const fieldOf = (values: Record<string, string>) => {
      const result = parse(values);
      return result.success ? null : result.error.issues[0]!.path[0];
    };
    expect(fieldOf({})).toBeNull();
    expect(fieldOf({ name: "  " })).toBe("name");
    expect(fieldOf({ slug: "Economía Hoy" })).toBe("slug");
    expect(fieldOf({ slug: "" })).toBe("slug");
    expect(fieldOf({ slug: "search" })).toBe("slug");
    expect(SectionTranslationIntentSchema.safeParse({ intent: "remove", sectionId: "s1", editionId: "es" }).success).toBe(true);
    expect(SectionTranslationIntentSchema.safeParse({ intent: "other", sectionId: "s1", editionId: "es" }).success).toBe(false);
  });

  it("removing it falls back to the default name and slug", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const section = await makeSection();
    await saveSectionTranslation(admin, section.id, "es", { name: `Ciudad ${uid()}`, slug: `ciudad-${uid()}`, description: "" });
    const since = new Date(Date.now() - 1000);
    expect(await removeSectionTranslation(admin, section.id, "es")).toBe(true);
    const names = await getEditionNames("es");
    expect(localName({ name: section.name, slug: section.slug }, names.sections)).toEqual({ name: section.name, slug: section.slug });
    expect(await expiredSince(since)).toContain("edition-names:es");
    expect(await rawDb().auditLog.count({ where: { action: "section.translation_remove", targetId: section.id } })).toBe(1);
    expect(await removeSectionTranslation(admin, section.id, "es")).toBe(false);
  });

  it("is for admins, in a non-default edition only", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    const section = await makeSection();
    await expect(saveSectionTranslation(editor, section.id, "es", { name: "Nombre", slug: `n-${uid()}`, description: "" })).rejects.toBeInstanceOf(ForbiddenError);
    const defaultEdition = await rawDb().languageEdition.findFirstOrThrow({ where: { isDefault: true } });
    await expect(saveSectionTranslation(admin, section.id, defaultEdition.id, { name: "Name", slug: `n-${uid()}`, description: "" })).rejects.toMatchObject({ field: "editionId" });
    await expect(saveSectionTranslation(admin, section.id, "zz", { name: "Name", slug: `n-${uid()}`, description: "" })).rejects.toThrow(/not found/);
    expect(await rawDb().sectionTranslation.count({ where: { sectionId: section.id } })).toBe(0);
  });
});

describe("a tag's name in an edition", () => {
  it("saves, refuses a slug another tag answers at, removes back to the default", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const [tag, other] = [await makeTag(), await makeTag()];
    const slug = `agua-${uid()}`;
    const since = new Date(Date.now() - 1000);
    await saveTagTranslation(admin, tag.id, "es", { name: `Agua ${slug}`, slug });
    expect((await getEditionNames("es")).tags[tag.slug]).toEqual({ name: `Agua ${slug}`, slug });
    expect(await expiredSince(since)).toEqual(expect.arrayContaining(["edition-names:es", "latest"]));
    expect((await listTagTranslations(admin, tag.id)).find((e) => e.edition.id === "es")?.translation).toMatchObject({ slug });

    await expect(saveTagTranslation(admin, other.id, "es", { name: `Otra ${uid()}`, slug })).rejects.toMatchObject({ field: "slug" });
    await expect(saveTagTranslation(admin, other.id, "es", { name: `Otra ${uid()}`, slug: tag.slug })).rejects.toMatchObject({ field: "slug" });
    expect(TagTranslationIntentSchema.safeParse({ intent: "save", tagId: tag.id, editionId: "es", name: "", slug: "x" }).success).toBe(false);

    expect(await removeTagTranslation(admin, tag.id, "es")).toBe(true);
    expect((await getEditionNames("es")).tags[tag.slug]).toBeUndefined();
    expect(await rawDb().auditLog.count({ where: { action: { in: ["tag.translate", "tag.translation_remove"] }, targetId: tag.id } })).toBe(2);
  });
});
