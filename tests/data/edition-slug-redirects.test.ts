/**
 * A section's or tag's translated slug that changes (or goes with its translation) keeps answering in its edition:
 * the old Spanish address leads (308) to the current one (decisions 0029, 0033), for the section's page, its
 * articles and its feeds, and for the tag's page. A slug taken again stops redirecting.
 */
import { describe, expect, it, vi } from "vitest";
import { resolveEditionSlug } from "@/lib/data/editions";
import { removeSectionTranslation, removeTagTranslation, saveSectionTranslation, saveTagTranslation } from "@/lib/data/name-translations";
import { feedResponse } from "@/lib/feeds/routes";
import { makeSection, makeUser, rawDb, uid } from "../support/factories";
import { makeSpanishEdition } from "../support/search-factories";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

describe("a renamed translated section slug", () => {
  it("leads from each former slug to the current one, until a slug is taken again; removed, to the default slug", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const section = await makeSection();
    const [first, second] = [`vieja-${uid()}`, `nueva-${uid()}`];
    const resolve = (slug: string) => resolveEditionSlug("es", "SECTION", slug);

    await saveSectionTranslation(admin, section.id, "es", { name: `Vieja ${uid()}`, slug: first, description: "" });
    expect(await resolve(first), "a current slug is no redirect").toBeNull();
    await saveSectionTranslation(admin, section.id, "es", { name: `Nueva ${uid()}`, slug: second, description: "" });
    expect(await resolve(first)).toBe(second);
    expect(await resolveEditionSlug("en", "SECTION", first), "only in its own edition").toBeNull();

    const feed = await feedResponse("atom", { kind: "section", slug: first }, "es");
    expect({ status: feed.status, location: feed.headers.get("location") }).toEqual({ status: 308, location: `/es/${second}/atom.xml` });
    expect((await feedResponse("rss", { kind: "section", slug: `nunca-${uid()}` }, "es")).status).toBe(404);

    // Back to the first slug: it is the section's again, and the second one leads there.
    await saveSectionTranslation(admin, section.id, "es", { name: `Vieja ${uid()}`, slug: first, description: "" });
    expect(await resolve(first)).toBeNull();
    expect(await resolve(second)).toBe(first);

    await removeSectionTranslation(admin, section.id, "es");
    expect([await resolve(first), await resolve(second)]).toEqual([section.slug, section.slug]);
  });
});

describe("a renamed translated tag slug", () => {
  it("leads to the tag's current slug in the edition", async () => {
    await makeSpanishEdition();
    const admin = await makeUser("ADMIN");
    const tag = await rawDb().tag.create({ data: { name: `Tag ${uid()}`, slug: `tag-${uid()}` } });
    const [first, second] = [`etiqueta-${uid()}`, `marca-${uid()}`];
    await saveTagTranslation(admin, tag.id, "es", { name: `Etiqueta ${uid()}`, slug: first });
    await saveTagTranslation(admin, tag.id, "es", { name: `Marca ${uid()}`, slug: second });
    expect(await resolveEditionSlug("es", "TAG", first)).toBe(second);
    expect(await resolveEditionSlug("es", "SECTION", first), "a tag's slug is no section's").toBeNull();
    await removeTagTranslation(admin, tag.id, "es");
    expect(await resolveEditionSlug("es", "TAG", second)).toBe(tag.slug);
  });
});
