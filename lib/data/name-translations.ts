/**
 * Section and tag names in the non-default editions (SectionTranslation, TagTranslation; decisions 0029, 0033):
 * admins set a name, slug and (for a section) description per edition, or remove them, and the edition falls back
 * to the default name and slug.
 *
 * Within an edition a slug names one section (or tag): its own translation's, or another's default slug, which the
 * edition still answers at (an untranslated section's only address there). So a translated slug is refused when
 * another translation in the edition or another row's default slug has it. The names show on every page of the
 * edition (its navigation, cards, bylines' sections) and in the other editions' alternates: every such page read
 * them through getEditionNames, whose tag (editionNames) a change expires, with the sitemaps and feeds (latest).
 * A translated slug that changes, or goes with its translation, keeps redirecting (308) to the row's current slug in
 * the edition, as the default edition's renamed slugs do (lib/data/slug-redirects.ts).
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { NameTranslation } from "@/lib/validation/editions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import { claimEditionSlug, redirectEditionSlug } from "./slug-redirects";
import { transactionRefusingTaken } from "./transaction";
import type { SessionUser } from "./types";

type Row = { name: string; slug: string; description?: string };
type Where = Record<string, unknown>;

/** The calls made on a Section or Tag delegate of Prisma. */
type Rows = { findFirst(args: { where: Where; select: { name: true; slug?: true } }): PromiseLike<{ name: string; slug?: string } | null> };
type NameSelect = { editionId: true; name: true; slug: true; description?: true };
/** The calls made on a SectionTranslation or TagTranslation delegate. */
type Names = {
  findMany(args: { where: Where; select: NameSelect }): PromiseLike<(Row & { editionId: string })[]>;
  findFirst(args: { where: Where; select: { slug: true } }): PromiseLike<{ slug: string } | null>;
  upsert(args: { where: Where; create: Where; update: Where }): PromiseLike<unknown>;
  deleteMany(args: { where: Where }): PromiseLike<{ count: number }>;
};

/**
 * Sections or tags: the noun names the rest (the permission "section:manage", the key "sectionId", the audit target
 * "Section"); the audit actions are written out, so the audit vocabulary's test finds them in this file.
 */
type Kind = { noun: "section" | "tag"; entity: "SECTION" | "TAG"; actions: { save: string; remove: string }; rows: (tx: DbTx) => Rows; names: (tx: DbTx) => Names };

const SECTIONS: Kind = {
  noun: "section",
  entity: "SECTION",
  actions: { save: "section.translate", remove: "section.translation_remove" },
  rows: (tx) => tx.section,
  names: (tx) => tx.sectionTranslation,
};

const TAGS: Kind = { noun: "tag", entity: "TAG", actions: { save: "tag.translate", remove: "tag.translation_remove" }, rows: (tx) => tx.tag, names: (tx) => tx.tagTranslation };

const permissionOf = (kind: Kind) => `${kind.noun}:manage` as const;
const keyOf = (kind: Kind) => `${kind.noun}Id` as const;
const targetTypeOf = (kind: Kind) => (kind.noun === "section" ? "Section" : "Tag");
/** Only a section has a description per edition. */
const selectOf = (kind: Kind): NameSelect => ({ editionId: true, name: true, slug: true, ...(kind.noun === "section" ? { description: true } : {}) });

const findRow = (kind: Kind, tx: DbTx, id: string) => kind.rows(tx).findFirst({ where: { id }, select: { name: true } });

type Field = { slug: string } | { name: string };

/**
 * Whether another row of this kind has this slug or name in the edition: its translation there (a name compared
 * case-insensitively), or for a slug also its default slug, which the edition answers at too.
 */
async function isTaken(kind: Kind, tx: DbTx, id: string, editionId: string, field: Field): Promise<boolean> {
  const match = "slug" in field ? { slug: field.slug } : { name: { equals: field.name, mode: "insensitive" } };
  if (await kind.names(tx).findFirst({ where: { editionId, [keyOf(kind)]: { not: id }, ...match }, select: { slug: true } })) return true;
  return "slug" in field && Boolean(await kind.rows(tx).findFirst({ where: { id: { not: id }, slug: field.slug }, select: { name: true } }));
}

/** Each non-default edition (open to readers or not) with this row's translation in it, or null. */
async function listTranslations(kind: Kind, actor: SessionUser, id: string) {
  assertCan(actor.role, permissionOf(kind));
  const db = getDb();
  const [editions, translations] = await Promise.all([
    db.languageEdition.findMany({ where: { isDefault: false }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, isPublic: true } }),
    kind.names(db).findMany({ where: { [keyOf(kind)]: id }, select: selectOf(kind) }),
  ]);
  return editions.map((edition) => ({ edition, translation: translations.find((t) => t.editionId === edition.id) ?? null }));
}

async function nonDefaultEdition(tx: DbTx, editionId: string) {
  const edition = await tx.languageEdition.findUnique({ where: { id: editionId }, select: { id: true, name: true, isDefault: true } });
  if (!edition) throw new NotFoundError("That edition");
  if (edition.isDefault) throw new DataValidationError("editionId", "The default edition's names are the row's own: edit them above.");
  return edition;
}

async function saveTranslation(kind: Kind, actor: SessionUser, id: string, editionId: string, input: NameTranslation) {
  assertCan(actor.role, permissionOf(kind));
  const taken = { field: "slug", message: `Another ${kind.noun} already uses this slug in this edition.` };
  return transactionRefusingTaken(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:name-translations'))`;
    const [row, edition] = await Promise.all([findRow(kind, tx, id), nonDefaultEdition(tx, editionId)]);
    if (!row) throw new NotFoundError(`That ${kind.noun}`);
    if (await isTaken(kind, tx, id, editionId, { name: input.name })) throw new DataValidationError("name", `Another ${kind.noun} already has this name in ${edition.name}.`);
    if (await isTaken(kind, tx, id, editionId, { slug: input.slug })) throw new DataValidationError("slug", `Another ${kind.noun} already uses this slug in ${edition.name}.`);
    const fields: Row = { name: input.name, slug: input.slug, ...(kind.noun === "section" ? { description: input.description ?? "" } : {}) };
    const key = { [keyOf(kind)]: id, editionId };
    const before = await kind.names(tx).findFirst({ where: key, select: { slug: true } });
    await claimEditionSlug(tx, kind.entity, editionId, input.slug);
    if (before && before.slug !== input.slug) await redirectEditionSlug(tx, kind.entity, editionId, before.slug, id);
    await kind.names(tx).upsert({ where: { [`${keyOf(kind)}_editionId`]: key }, create: { ...key, ...fields }, update: fields });
    await writeAudit(tx, { actor, action: kind.actions.save, targetType: targetTypeOf(kind), targetId: id, details: { name: row.name, edition: editionId, to: fields } });
    await expirePublicTags(tx, [CacheTags.editionNames(editionId), CacheTags.latest]);
    return fields;
  }, taken);
}

/** Removes a translation: the edition shows the default name and slug again. Removing none is not an error. */
async function removeTranslation(kind: Kind, actor: SessionUser, id: string, editionId: string) {
  assertCan(actor.role, permissionOf(kind));
  return getDb().$transaction(async (tx) => {
    const [row] = await Promise.all([kind.rows(tx).findFirst({ where: { id }, select: { name: true, slug: true } }), nonDefaultEdition(tx, editionId)]);
    if (!row) throw new NotFoundError(`That ${kind.noun}`);
    const key = { [keyOf(kind)]: id, editionId };
    const before = await kind.names(tx).findFirst({ where: key, select: { slug: true } });
    if (!before) return false;
    await kind.names(tx).deleteMany({ where: key });
    // The edition answers at the row's default slug again; the translated one leads there.
    if (before.slug !== row.slug) await redirectEditionSlug(tx, kind.entity, editionId, before.slug, id);
    await writeAudit(tx, { actor, action: kind.actions.remove, targetType: targetTypeOf(kind), targetId: id, details: { name: row.name, edition: editionId } });
    await expirePublicTags(tx, [CacheTags.editionNames(editionId), CacheTags.latest]);
    return true;
  });
}

/**
 * The cache tags of every edition whose pages name this section or tag by its default slug: an edition with its
 * translation (the edition's names are keyed by the default slug) or with a redirect to it. A change of the default
 * slug, or a merge, expires them with the row's own pages.
 */
export async function editionNameTagsOf(tx: DbTx, entity: "SECTION" | "TAG", id: string): Promise<string[]> {
  const kind = entity === "SECTION" ? SECTIONS : TAGS;
  const [translations, redirects] = await Promise.all([
    kind.names(tx).findMany({ where: { [keyOf(kind)]: id }, select: selectOf(kind) }),
    tx.editionSlugRedirect.findMany({ where: { entity, targetId: id }, select: { editionId: true } }),
  ]);
  return [...new Set([...translations, ...redirects].map((row) => CacheTags.editionNames(row.editionId)))];
}

export const listSectionTranslations = (actor: SessionUser, sectionId: string) => listTranslations(SECTIONS, actor, sectionId);
export const saveSectionTranslation = (actor: SessionUser, sectionId: string, editionId: string, input: NameTranslation) => saveTranslation(SECTIONS, actor, sectionId, editionId, input);
export const removeSectionTranslation = (actor: SessionUser, sectionId: string, editionId: string) => removeTranslation(SECTIONS, actor, sectionId, editionId);

export const listTagTranslations = (actor: SessionUser, tagId: string) => listTranslations(TAGS, actor, tagId);
export const saveTagTranslation = (actor: SessionUser, tagId: string, editionId: string, input: NameTranslation) => saveTranslation(TAGS, actor, tagId, editionId, input);
export const removeTagTranslation = (actor: SessionUser, tagId: string, editionId: string) => removeTranslation(TAGS, actor, tagId, editionId);
