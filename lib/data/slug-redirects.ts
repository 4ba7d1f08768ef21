/**
 * Old URLs keep working: when an article, a section or a tag changes its slug (or a tag is merged into another), its
 * old slug redirects (308) to the row's id from then on, so a row renamed twice still answers at both former slugs.
 * A slug a row takes stops redirecting anywhere else. The public pages follow these with locateArticle,
 * resolveSectionSlug and resolveTagSlug. A non-default edition's own section and tag slugs (their translations,
 * lib/data/name-translations.ts) redirect the same way within that edition (EditionSlugRedirect, resolveEditionSlug).
 */
import "server-only";
import type { DbTx } from "@/lib/db/client";

type Entity = "ARTICLE" | "SECTION" | "TAG";

/** `oldSlug` of `entity` redirects to the row `targetId` from now on. */
export async function redirectSlug(tx: DbTx, entity: Entity, oldSlug: string, targetId: string): Promise<void> {
  await tx.slugRedirect.upsert({
    where: { entity_oldSlug: { entity, oldSlug } },
    update: { targetId },
    create: { entity, oldSlug, targetId },
  });
}

/** `slug` belongs to a row now: a redirect from it to another row would only be shadowed. */
export async function claimSlug(tx: DbTx, entity: Entity, slug: string): Promise<void> {
  await tx.slugRedirect.deleteMany({ where: { entity, oldSlug: slug } });
}

/** A row's former slugs, oldest first. */
export async function formerSlugs(tx: Pick<DbTx, "slugRedirect">, entity: Entity, targetId: string): Promise<string[]> {
  const rows = await tx.slugRedirect.findMany({ where: { entity, targetId }, orderBy: { createdAt: "asc" }, select: { oldSlug: true } });
  return rows.map((r) => r.oldSlug);
}

/** In edition `editionId`, the section's or tag's former slug `oldSlug` redirects to the row `targetId` from now on. */
export async function redirectEditionSlug(tx: DbTx, entity: "SECTION" | "TAG", editionId: string, oldSlug: string, targetId: string): Promise<void> {
  await tx.editionSlugRedirect.upsert({
    where: { entity_editionId_oldSlug: { entity, editionId, oldSlug } },
    update: { targetId },
    create: { entity, editionId, oldSlug, targetId },
  });
}

/** `slug` names a row in the edition now: it stops redirecting there. */
export async function claimEditionSlug(tx: DbTx, entity: "SECTION" | "TAG", editionId: string, slug: string): Promise<void> {
  await tx.editionSlugRedirect.deleteMany({ where: { entity, editionId, oldSlug: slug } });
}
