/**
 * Sections as admins manage them: create, rename (name and/or slug), describe and reorder. Their order is the order
 * of the public navigation.
 *
 * A slug change keeps old links working: a SlugRedirect (entity SECTION) maps the old slug to the section's id, and
 * the public section and article pages follow it with a 308 (resolveSectionSlug, locateArticle). Redirects point at
 * the id, so a section renamed twice still answers at both former slugs. Every change expires the public pages that
 * show it, in its own transaction.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import type { SessionUser } from "./types";

export type SectionFields = { name: string; slug: string; description: string };

const sectionSelect = { id: true, name: true, slug: true, description: true, position: true } as const;

async function lockSections(tx: DbTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:sections'))`;
}

/** A unique-index violation that slipped past the checks below (a concurrent change) still gets a clear message. */
function uniqueViolation(error: unknown): DataValidationError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  return new DataValidationError("name", "Another section already has this name or slug.");
}

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
  const redirects = await getDb().slugRedirect.findMany({ where: { entity: "SECTION", targetId: id }, orderBy: { createdAt: "asc" }, select: { oldSlug: true } });
  return { ...section, formerSlugs: redirects.map((r) => r.oldSlug) };
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
  try {
    return await getDb().$transaction(async (tx) => {
      await lockSections(tx);
      await assertNameAndSlugFree(tx, input);
      const last = await tx.section.aggregate({ _max: { position: true } });
      const section = await tx.section.create({
        data: { name: input.name, slug: input.slug, description: input.description, position: (last._max.position ?? -1) + 1 },
        select: sectionSelect,
      });
      // The slug belongs to this section now: an old redirect from it would only be shadowed.
      await tx.slugRedirect.deleteMany({ where: { entity: "SECTION", oldSlug: input.slug } });
      await writeAudit(tx, { actor, action: "section.create", targetType: "Section", targetId: section.id, details: { name: section.name, slug: section.slug } });
      await expirePublicTags(tx, [CacheTags.site, CacheTags.section(section.slug)]);
      return section;
    });
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

/**
 * Renames and/or re-describes a section. When the slug changes, the old slug redirects to the section from now on,
 * and every page that showed the section (its own, its articles', the navigation, lists) is expired.
 */
export async function updateSection(actor: SessionUser, id: string, input: SectionFields) {
  assertCan(actor.role, "section:manage");
  try {
    return await getDb().$transaction(async (tx) => {
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
        await tx.slugRedirect.upsert({
          where: { entity_oldSlug: { entity: "SECTION", oldSlug: before.slug } },
          update: { targetId: id },
          create: { entity: "SECTION", oldSlug: before.slug, targetId: id },
        });
        await tx.slugRedirect.deleteMany({ where: { entity: "SECTION", oldSlug: input.slug } });
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
      const former = await tx.slugRedirect.findMany({ where: { entity: "SECTION", targetId: id }, select: { oldSlug: true } });
      await expirePublicTags(tx, [
        CacheTags.site,
        CacheTags.home,
        CacheTags.latest,
        ...[before.slug, section.slug, ...former.map((r) => r.oldSlug)].map(CacheTags.section),
      ]);
      return section;
    });
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
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
