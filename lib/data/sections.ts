/**
 * Sections: the public navigation and section pages read them (cached, no actor needed: sections are public), and
 * admins create, rename (name and/or slug), describe and reorder them. Their order is the order of the navigation.
 *
 * A slug change keeps old links working: a SlugRedirect (entity SECTION) maps the old slug to the section's id, and
 * the public section and article pages follow it with a 308 (resolveSectionSlug, locateArticle). Redirects point at
 * the id, so a section renamed twice still answers at both former slugs. Every change expires the public pages that
 * show it, in its own transaction.
 */
import "server-only";
import { getDb, getPublicReadDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags, publicQuery } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import { editionNameTagsOf } from "./name-translations";
import { claimSlug, formerSlugs, redirectSlug } from "./slug-redirects";
import { transactionRefusingTaken } from "./transaction";
import type { SessionUser } from "./types";

// Public reads ---------------------------------------------------------------------------------------------------

export const listSections = publicQuery(
  "listSections",
  async () =>
    getPublicReadDb().section.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, description: true },
    }),
  { tags: () => [CacheTags.site], buildFallback: [] },
);

export const getSectionBySlug = publicQuery(
  "getSectionBySlug",
  async (slug: string) =>
    getPublicReadDb().section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } }),
  { tags: (slug) => [CacheTags.section(slug)], buildFallback: null },
);

/** The current slug of a section that was renamed from `oldSlug`, or null. */
export const resolveSectionSlug = publicQuery(
  "resolveSectionSlug",
  async (oldSlug: string) => {
    const redirect = await getPublicReadDb().slugRedirect.findUnique({ where: { entity_oldSlug: { entity: "SECTION", oldSlug } }, select: { targetId: true } });
    if (!redirect) return null;
    const section = await getPublicReadDb().section.findUnique({ where: { id: redirect.targetId }, select: { slug: true } });
    return section?.slug ?? null;
  },
  { tags: (slug) => [CacheTags.section(slug)], buildFallback: null },
);

// Admin ------------------------------------------------------------------------------------------------------------

export type SectionFields = { name: string; slug: string; description: string };

const sectionSelect = { id: true, name: true, slug: true, description: true, position: true } as const;

async function lockSections(tx: DbTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:sections'))`;
}

/** What a concurrent change that slipped past assertNameAndSlugFree is told. */
const TAKEN = { field: "name", message: "Another section already has this name or slug." };

export async function listSectionsForAdmin(actor: SessionUser) {
  assertCan(actor.role, "section:manage");
  const rows = await getDb().section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { ...sectionSelect, _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, articleCount: _count.articles }));
}

export async function getSectionForAdmin(actor: SessionUser, id: string) {
  assertCan(actor.role, "section:manage");
  const section = await getDb().section.findUnique({ where: { id }, select: sectionSelect });
  if (!section) return null;
  return { ...section, formerSlugs: await formerSlugs(getDb(), "SECTION", id) };
}

async function assertNameAndSlugFree(tx: DbTx, input: { name: string; slug: string }, exceptId?: string): Promise<void> {
  const others = { id: exceptId ? { not: exceptId } : undefined };
  if (await tx.section.findFirst({ where: { ...others, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })) {
    throw new DataValidationError("name", "Another section already has this name.");
  }
  if (await tx.section.findFirst({ where: { ...others, slug: input.slug }, select: { id: true } })) {
    throw new DataValidationError("slug", "Another section already uses this slug.");
  }
}

/** Adds a section at the end of the navigation. */
export async function createSection(actor: SessionUser, input: SectionFields) {
  assertCan(actor.role, "section:manage");
  return transactionRefusingTaken(async (tx) => {
    await lockSections(tx);
    await assertNameAndSlugFree(tx, input);
    const last = await tx.section.aggregate({ _max: { position: true } });
    const section = await tx.section.create({
      data: { name: input.name, slug: input.slug, description: input.description, position: (last._max.position ?? -1) + 1 },
      select: sectionSelect,
    });
    await claimSlug(tx, "SECTION", input.slug);
    await writeAudit(tx, { actor, action: "section.create", targetType: "Section", targetId: section.id, details: { name: section.name, slug: section.slug } });
    await expirePublicTags(tx, [CacheTags.site, CacheTags.section(section.slug)]);
    return section;
  }, TAKEN);
}

/**
 * Renames and/or re-describes a section. When the slug changes, the old slug redirects to the section from now on,
 * and every page that showed the section (its own, its articles', the navigation, lists) is expired.
 */
export async function updateSection(actor: SessionUser, id: string, input: SectionFields) {
  assertCan(actor.role, "section:manage");
  return transactionRefusingTaken(async (tx) => {
    await lockSections(tx);
    const before = await tx.section.findUnique({ where: { id }, select: sectionSelect });
    if (!before) throw new NotFoundError("That section");
    if (before.name === input.name && before.slug === input.slug && before.description === input.description) return before;
    const slugChanged = before.slug !== input.slug;
    await assertNameAndSlugFree(tx, input, id);
    const section = await tx.section.update({
      where: { id },
      data: { name: input.name, slug: input.slug, description: input.description },
      select: sectionSelect,
    });
    if (slugChanged) {
      await redirectSlug(tx, "SECTION", before.slug, id);
      await claimSlug(tx, "SECTION", input.slug);
    }
    const changed = (["name", "slug", "description"] as const).filter((key) => before[key] !== input[key]);
    await writeAudit(tx, {
      actor,
      action: slugChanged || before.name !== input.name ? "section.rename" : "section.update",
      targetType: "Section",
      targetId: id,
      details: { changed, from: { name: before.name, slug: before.slug }, to: { name: section.name, slug: section.slug } },
    });
    // Former slugs too: their cached redirects must now point at the new slug directly.
    const former = await formerSlugs(tx, "SECTION", id);
    const editions = slugChanged ? await editionNameTagsOf(tx, "SECTION", id) : [];
    await expirePublicTags(tx, [CacheTags.site, CacheTags.home, CacheTags.latest, ...[before.slug, section.slug, ...former].map(CacheTags.section), ...editions]);
    return section;
  }, TAKEN);
}

/**
 * Moves a section one place up or down the navigation. Positions are renumbered 0..n-1 on the way, so gaps and ties
 * left by earlier data cannot make a move do nothing.
 */
export async function moveSection(actor: SessionUser, id: string, direction: "up" | "down") {
  assertCan(actor.role, "section:manage");
  return getDb().$transaction(async (tx) => {
    await lockSections(tx);
    const ordered = await tx.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
    const index = ordered.findIndex((s) => s.id === id);
    if (index === -1) throw new NotFoundError("That section");
    const swapWith = direction === "up" ? index - 1 : index + 1;
    if (swapWith < 0 || swapWith >= ordered.length) return ordered.map((s) => s.id);
    const next = [...ordered];
    [next[index], next[swapWith]] = [next[swapWith]!, next[index]!];
    for (const [position, section] of next.entries()) {
      await tx.section.update({ where: { id: section.id }, data: { position } });
    }
    await writeAudit(tx, {
      actor,
      action: "section.reorder",
      targetType: "Section",
      targetId: id,
      details: { name: ordered[index]!.name, direction, order: next.map((s) => s.name) },
    });
    await expirePublicTags(tx, [CacheTags.site, CacheTags.home]);
    return next.map((s) => s.id);
  });
}
