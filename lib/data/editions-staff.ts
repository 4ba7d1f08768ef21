/**
 * Language editions as staff see them (docs/decisions/0033-editions-admin.md): every edition, open to readers or
 * not, for the dashboard's "New article"; and the admin's changes: add an edition in a language the code ships,
 * rename it, change its locale, search configuration and position, open or close it to readers, delete an empty one.
 *
 * The default edition is shown, never changed here: its URLs have no prefix, so another default would move every
 * URL of the site. An edition's name, locale and position appear on every page (the language links, dates), and
 * closing one removes its pages, alternates and sitemap entries at once: such changes expire the "site" tag, the
 * one every public page carries, as a settings change does. A closed edition's changes expire nothing.
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import { EDITION_LANGUAGES, languageName } from "@/lib/i18n/languages";
import type { EditionFields } from "@/lib/validation/editions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import type { SessionUser } from "./types";

const editionSelect = { id: true, name: true, locale: true, searchConfig: true, isDefault: true, position: true, isPublic: true } as const;
const ORDER = [{ isDefault: "desc" }, { position: "asc" }, { id: "asc" }] as const satisfies Prisma.LanguageEditionOrderByWithRelationInput[];

/** Every edition, the default first: its code, name, and whether readers see it (staff may work in a closed one). */
export async function listEditionChoices(actor: SessionUser) {
  assertCan(actor.role, "dashboard:access");
  return getDb().languageEdition.findMany({ orderBy: [...ORDER], select: { id: true, name: true, isDefault: true, isPublic: true } });
}

/** Every edition with its number of articles and its language's English name. */
export async function listEditionsForAdmin(actor: SessionUser) {
  assertCan(actor.role, "edition:manage");
  const rows = await getDb().languageEdition.findMany({ orderBy: [...ORDER], select: { ...editionSelect, _count: { select: { articles: true } } } });
  return rows.map(({ _count, ...row }) => ({ ...row, language: languageName(row.id), articleCount: _count.articles }));
}

export async function getEditionForAdmin(actor: SessionUser, id: string) {
  assertCan(actor.role, "edition:manage");
  const row = await getDb().languageEdition.findUnique({ where: { id }, select: { ...editionSelect, _count: { select: { articles: true } } } });
  if (!row) return null;
  const { _count, ...edition } = row;
  return { ...edition, language: languageName(edition.id), articleCount: _count.articles };
}

/** The languages the code ships that have no edition yet: what "Add an edition" offers. */
export async function listAddableLanguages(actor: SessionUser) {
  assertCan(actor.role, "edition:manage");
  const existing = new Set((await getDb().languageEdition.findMany({ select: { id: true } })).map((e) => e.id));
  return EDITION_LANGUAGES.filter((code) => !existing.has(code)).map((code) => ({ code, name: languageName(code) }));
}

async function lockEditions(tx: DbTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dateline:editions'))`;
}

/** The edition `id`, for a change: not found, or the default (shown, never changed here), is refused. */
async function changeableEdition(tx: DbTx, id: string) {
  const edition = await tx.languageEdition.findUnique({ where: { id }, select: editionSelect });
  if (!edition) throw new NotFoundError("That edition");
  if (edition.isDefault) throw new DataValidationError("editionId", "The default edition is not changed here: its pages have no prefix, and another default would move every address of the site.");
  return edition;
}

/** Adds an edition, closed to readers until an admin opens it (its sections and stories can be prepared first). */
export async function createEdition(actor: SessionUser, input: EditionFields & { editionId: string }) {
  assertCan(actor.role, "edition:manage");
  const { editionId: id, ...fields } = input;
  if (!EDITION_LANGUAGES.includes(id)) throw new DataValidationError("editionId", "Dateline has no reader text and pages for that language; choose one from the list.");
  return getDb().$transaction(async (tx) => {
    await lockEditions(tx);
    if (await tx.languageEdition.findUnique({ where: { id }, select: { id: true } })) throw new DataValidationError("editionId", `There is already a ${languageName(id)} edition.`);
    const edition = await tx.languageEdition.create({ data: { id, ...fields, isDefault: false, isPublic: false }, select: editionSelect });
    await writeAudit(tx, { actor, action: "edition.create", targetType: "LanguageEdition", targetId: id, details: { name: edition.name, locale: edition.locale, searchConfig: edition.searchConfig } });
    return edition;
  });
}

/**
 * Renames an edition or changes its locale, search configuration or position. Articles copy their edition's
 * search configuration (decision 0029: a generated column cannot read another table), so a new one is written to
 * every article of the edition in the same transaction, and their search vectors are recomputed with it.
 */
export async function updateEdition(actor: SessionUser, id: string, input: EditionFields) {
  assertCan(actor.role, "edition:manage");
  return getDb().$transaction(async (tx) => {
    await lockEditions(tx);
    const before = await changeableEdition(tx, id);
    const changed = (["name", "locale", "searchConfig", "position"] as const).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return { edition: before, reindexed: 0 };
    const edition = await tx.languageEdition.update({ where: { id }, data: input, select: editionSelect });
    const reindexed = changed.includes("searchConfig") ? (await tx.article.updateMany({ where: { editionId: id }, data: { searchConfig: input.searchConfig } })).count : 0;
    const from = Object.fromEntries(changed.map((key) => [key, before[key]]));
    const to = Object.fromEntries(changed.map((key) => [key, edition[key]]));
    await writeAudit(tx, { actor, action: "edition.update", targetType: "LanguageEdition", targetId: id, details: { name: edition.name, changed, from, to, reindexed } });
    if (before.isPublic) await expirePublicTags(tx, [CacheTags.site]);
    return { edition, reindexed };
  });
}

/** Opens a non-default edition to readers, or closes it: closed, its pages 404 and nothing public links to it. */
export async function setEditionPublic(actor: SessionUser, id: string, isPublic: boolean) {
  assertCan(actor.role, "edition:manage");
  return getDb().$transaction(async (tx) => {
    await lockEditions(tx);
    const before = await changeableEdition(tx, id);
    if (before.isPublic === isPublic) return before;
    const edition = await tx.languageEdition.update({ where: { id }, data: { isPublic }, select: editionSelect });
    await writeAudit(tx, { actor, action: isPublic ? "edition.open" : "edition.close", targetType: "LanguageEdition", targetId: id, details: { name: edition.name } });
    await expirePublicTags(tx, [CacheTags.site]);
    return edition;
  });
}

const HAS_ARTICLES = (count: number) =>
  `This edition has ${count === 1 ? "1 article" : `${count} articles`}: delete or move them first, or close the edition to readers instead.`;

/** Deletes a non-default edition that has no articles (its section and tag names go with it). */
export async function deleteEdition(actor: SessionUser, id: string) {
  assertCan(actor.role, "edition:manage");
  try {
    return await getDb().$transaction(async (tx) => {
      await lockEditions(tx);
      const edition = await changeableEdition(tx, id);
      const count = await tx.article.count({ where: { editionId: id } });
      if (count > 0) throw new DataValidationError("editionId", HAS_ARTICLES(count));
      await tx.languageEdition.delete({ where: { id } });
      await writeAudit(tx, { actor, action: "edition.delete", targetType: "LanguageEdition", targetId: id, details: { name: edition.name } });
      if (edition.isPublic) await expirePublicTags(tx, [CacheTags.site]);
      return edition;
    });
  } catch (error) {
    // An article started in the edition while it was being deleted: the foreign key refuses, as the count would have.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new DataValidationError("editionId", HAS_ARTICLES(1));
    throw error;
  }
}
