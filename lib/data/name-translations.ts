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
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { NameTranslation } from "@/lib/validation/editions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import { transactionRefusingTaken } from "./transaction";
import type { SessionUser } from "./types";

type Row = { name: string; slug: string; description?: string };

/** What differs between sections and tags: the permission, the words, and the rows (Prisma's delegates). */
type Kind = {
  permission: Permission;
  noun: "section" | "tag";
  targetType: "Section" | "Tag";
  actions: { save: string; remove: string };
  find: (tx: DbTx, id: string) => Promise<{ name: string } | null>;
  translations: (tx: DbTx, id: string) => Promise<(Row & { editionId: string })[]>;
  /** Another row's translation in the edition with this slug or name (case-insensitive). */
  translated: (tx: DbTx, exceptId: string, editionId: string, field: Field) => Promise<unknown>;
  /** Another row whose default slug is `slug` (the edition answers at it too). */
  bySlug: (tx: DbTx, exceptId: string, slug: string) => Promise<unknown>;
  upsert: (tx: DbTx, id: string, editionId: string, row: Row) => Promise<unknown>;
  remove: (tx: DbTx, id: string, editionId: string) => Promise<{ count: number }>;
};

type Field = { slug: string } | { name: string };

/** The translation's where clause for a slug (exact) or a name (case-insensitive). */
const fieldWhere = (field: Field) => ("slug" in field ? { slug: field.slug } : { name: { equals: field.name, mode: "insensitive" as const } });

/** Whether another row of this kind has this slug or name in the edition. */
async function isTaken(kind: Kind, tx: DbTx, id: string, editionId: string, field: Field): Promise<boolean> {
  if (await kind.translated(tx, id, editionId, field)) return true;
  return "slug" in field && Boolean(await kind.bySlug(tx, id, field.slug));
}

const SECTIONS: Kind = {
  permission: "section:manage",
  noun: "section",
  targetType: "Section",
  actions: { save: "section.translate", remove: "section.translation_remove" },
  find: (tx, id) => tx.section.findUnique({ where: { id }, select: { name: true } }),
  translations: (tx, id) => tx.sectionTranslation.findMany({ where: { sectionId: id }, select: { editionId: true, name: true, slug: true, description: true } }),
  translated: (tx, exceptId, editionId, field) => tx.sectionTranslation.findFirst({ where: { editionId, sectionId: { not: exceptId }, ...fieldWhere(field) }, select: { slug: true } }),
  bySlug: (tx, exceptId, slug) => tx.section.findFirst({ where: { id: { not: exceptId }, slug }, select: { id: true } }),
  upsert: (tx, id, editionId, row) => tx.sectionTranslation.upsert({ where: { sectionId_editionId: { sectionId: id, editionId } }, create: { sectionId: id, editionId, ...row }, update: row }),
  remove: (tx, id, editionId) => tx.sectionTranslation.deleteMany({ where: { sectionId: id, editionId } }),
};

const TAGS: Kind = {
  permission: "tag:manage",
  noun: "tag",
  targetType: "Tag",
  actions: { save: "tag.translate", remove: "tag.translation_remove" },
  find: (tx, id) => tx.tag.findUnique({ where: { id }, select: { name: true } }),
  translations: (tx, id) => tx.tagTranslation.findMany({ where: { tagId: id }, select: { editionId: true, name: true, slug: true } }),
  translated: (tx, exceptId, editionId, field) => tx.tagTranslation.findFirst({ where: { editionId, tagId: { not: exceptId }, ...fieldWhere(field) }, select: { slug: true } }),
  bySlug: (tx, exceptId, slug) => tx.tag.findFirst({ where: { id: { not: exceptId }, slug }, select: { id: true } }),
  upsert: (tx, id, editionId, row) => tx.tagTranslation.upsert({ where: { tagId_editionId: { tagId: id, editionId } }, create: { tagId: id, editionId, name: row.name, slug: row.slug }, update: { name: row.name, slug: row.slug } }),
  remove: (tx, id, editionId) => tx.tagTranslation.deleteMany({ where: { tagId: id, editionId } }),
};

/** Each non-default edition (open to readers or not) with this row's translation in it, or null. */
async function listTranslations(kind: Kind, actor: SessionUser, id: string) {
  assertCan(actor.role, kind.permission);
  const db = getDb();
  const [editions, translations] = await Promise.all([
    db.languageEdition.findMany({ where: { isDefault: false }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, isPublic: true } }),
    kind.translations(db, id),
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
  assertCan(actor.role, kind.permission);
  const taken = { field: "slug", message: `Another ${kind.noun} already uses this slug in this edition.` };
  return transactionRefusingTaken(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:name-translations'))`;
    const [row, edition] = await Promise.all([kind.find(tx, id), nonDefaultEdition(tx, editionId)]);
    if (!row) throw new NotFoundError(`That ${kind.noun}`);
    if (await isTaken(kind, tx, id, editionId, { name: input.name })) throw new DataValidationError("name", `Another ${kind.noun} already has this name in ${edition.name}.`);
    if (await isTaken(kind, tx, id, editionId, { slug: input.slug })) throw new DataValidationError("slug", `Another ${kind.noun} already uses this slug in ${edition.name}.`);
    const fields: Row = { name: input.name, slug: input.slug, ...(kind.noun === "section" ? { description: input.description ?? "" } : {}) };
    await kind.upsert(tx, id, editionId, fields);
    await writeAudit(tx, { actor, action: kind.actions.save, targetType: kind.targetType, targetId: id, details: { name: row.name, edition: editionId, to: fields } });
    await expirePublicTags(tx, [CacheTags.editionNames(editionId), CacheTags.latest]);
    return fields;
  }, taken);
}

/** Removes a translation: the edition shows the default name and slug again. Removing none is not an error. */
async function removeTranslation(kind: Kind, actor: SessionUser, id: string, editionId: string) {
  assertCan(actor.role, kind.permission);
  return getDb().$transaction(async (tx) => {
    const [row] = await Promise.all([kind.find(tx, id), nonDefaultEdition(tx, editionId)]);
    if (!row) throw new NotFoundError(`That ${kind.noun}`);
    const { count } = await kind.remove(tx, id, editionId);
    if (count === 0) return false;
    await writeAudit(tx, { actor, action: kind.actions.remove, targetType: kind.targetType, targetId: id, details: { name: row.name, edition: editionId } });
    await expirePublicTags(tx, [CacheTags.editionNames(editionId), CacheTags.latest]);
    return true;
  });
}

export const listSectionTranslations = (actor: SessionUser, sectionId: string) => listTranslations(SECTIONS, actor, sectionId);
export const saveSectionTranslation = (actor: SessionUser, sectionId: string, editionId: string, input: NameTranslation) => saveTranslation(SECTIONS, actor, sectionId, editionId, input);
export const removeSectionTranslation = (actor: SessionUser, sectionId: string, editionId: string) => removeTranslation(SECTIONS, actor, sectionId, editionId);

export const listTagTranslations = (actor: SessionUser, tagId: string) => listTranslations(TAGS, actor, tagId);
export const saveTagTranslation = (actor: SessionUser, tagId: string, editionId: string, input: NameTranslation) => saveTranslation(TAGS, actor, tagId, editionId, input);
export const removeTagTranslation = (actor: SessionUser, tagId: string, editionId: string) => removeTranslation(TAGS, actor, tagId, editionId);
