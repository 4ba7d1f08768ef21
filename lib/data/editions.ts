/**
 * Language editions (docs/decisions/0029-language-editions.md): which editions the site has, and each non-default
 * edition's names and slugs of sections and tags. Articles keep pointing at one Section and Tag; an edition shows
 * them under its own names and URLs, translated row by row (SectionTranslation, TagTranslation), and falls back to
 * the default edition's name where a translation is missing.
 */
import "server-only";
import { getPublicReadDb } from "@/lib/db";
import { CacheTags, publicQuery } from "./cache";

export type EditionInfo = { id: string; locale: string; name: string; searchConfig: string; isDefault: boolean };

/** Before the first migration ran (the build): the default edition every site starts with. */
const ENGLISH: EditionInfo = { id: "en", locale: "en-US", name: "English", searchConfig: "english", isDefault: true };

/**
 * Every edition readers can see, the default first. One an admin closed (isPublic false, decision 0033) is left out,
 * so its pages 404 and no language link or alternate names it; staff reads (lib/data/edition-admin.ts) still see it.
 */
export const listEditions = publicQuery(
  "listEditions",
  async (): Promise<EditionInfo[]> =>
    getPublicReadDb().languageEdition.findMany({
      where: { OR: [{ isPublic: true }, { isDefault: true }] },
      orderBy: [{ isDefault: "desc" }, { position: "asc" }, { id: "asc" }],
      select: { id: true, locale: true, name: true, searchConfig: true, isDefault: true },
    }),
  { tags: () => [CacheTags.site], buildFallback: [ENGLISH] },
);

export async function getDefaultEdition(): Promise<EditionInfo> {
  const editions = await listEditions();
  return editions.find((edition) => edition.isDefault) ?? ENGLISH;
}

/** The non-default edition served under `/{code}`, or null when there is none. */
export async function getPrefixedEdition(code: string): Promise<EditionInfo | null> {
  const editions = await listEditions();
  return editions.find((edition) => edition.id === code && !edition.isDefault) ?? null;
}

export type LocalName = { name: string; slug: string; description?: string };
/** An edition's sections and tags, keyed by the default edition's slug; `bySlug` maps its own slugs back. */
export type EditionNames = {
  sections: Record<string, LocalName>;
  tags: Record<string, LocalName>;
  sectionBySlug: Record<string, string>;
  tagBySlug: Record<string, string>;
};

/** The default edition's: its names are the rows' own. */
export const NO_NAMES: EditionNames = Object.freeze({ sections: {}, tags: {}, sectionBySlug: {}, tagBySlug: {} });

/** The edition's own names and slugs for sections and tags (empty for the default edition, whose names are the rows'). */
export const getEditionNames = publicQuery(
  "getEditionNames",
  async (editionId: string): Promise<EditionNames> => {
    const db = getPublicReadDb();
    const [sections, tags] = await Promise.all([
      db.sectionTranslation.findMany({ where: { editionId }, select: { name: true, slug: true, description: true, section: { select: { slug: true } } } }),
      db.tagTranslation.findMany({ where: { editionId }, select: { name: true, slug: true, tag: { select: { slug: true } } } }),
    ]);
    const names: EditionNames = { sections: {}, tags: {}, sectionBySlug: {}, tagBySlug: {} };
    for (const row of sections) {
      names.sections[row.section.slug] = { name: row.name, slug: row.slug, description: row.description };
      names.sectionBySlug[row.slug] = row.section.slug;
    }
    for (const row of tags) {
      names.tags[row.tag.slug] = { name: row.name, slug: row.slug };
      names.tagBySlug[row.slug] = row.tag.slug;
    }
    return names;
  },
  { tags: (editionId) => [CacheTags.editionNames(editionId)], buildFallback: NO_NAMES },
);

/** A section or tag as an edition names it: its translation, else the default edition's own name and slug. */
export function localName<T extends { name: string; slug: string }>(item: T, names: Record<string, LocalName>): T {
  const local = names[item.slug];
  if (!local) return item;
  const description = local.description && "description" in item ? { description: local.description } : {};
  return { ...item, name: local.name, slug: local.slug, ...description };
}

/** An edition's slug for a section or tag → the default edition's slug (which the rows and cache tags use). */
export function defaultSlug(localSlug: string, bySlug: Record<string, string>): string {
  return bySlug[localSlug] ?? localSlug;
}

/** Cards (articles, search results) with their section as the edition names it. */
export function localizeSection<T extends { section: { name: string; slug: string } }>(item: T, names: EditionNames): T {
  return { ...item, section: localName(item.section, names.sections) };
}

/**
 * The current slug in edition `editionId` of the section or tag that had the slug `oldSlug` there (its translation's,
 * else its default slug), or null: the edition's old addresses answer 308 with it. A former translated slug is the
 * edition's own redirect; a former default slug (renamed, or merged into another tag) leads where it leads in the
 * default edition, as the row is named in this one.
 */
export const resolveEditionSlug = publicQuery(
  "resolveEditionSlug",
  async (editionId: string, entity: "SECTION" | "TAG", oldSlug: string): Promise<string | null> => {
    const db = getPublicReadDb();
    const redirect =
      (await db.editionSlugRedirect.findUnique({ where: { entity_editionId_oldSlug: { entity, editionId, oldSlug } }, select: { targetId: true } })) ??
      (await db.slugRedirect.findUnique({ where: { entity_oldSlug: { entity, oldSlug } }, select: { targetId: true } }));
    if (!redirect) return null;
    const select = { slug: true, translations: { where: { editionId }, select: { slug: true } } } as const;
    const where = { id: redirect.targetId };
    const row = entity === "SECTION" ? await db.section.findUnique({ where, select }) : await db.tag.findUnique({ where, select });
    const current = row ? (row.translations[0]?.slug ?? row.slug) : null;
    return current === oldSlug ? null : current;
  },
  // The default slug's own tag too: renaming a row expires it (a cached "no redirect" must not outlive the rename).
  { tags: (editionId, entity, oldSlug) => [CacheTags.editionNames(editionId), entity === "TAG" ? CacheTags.tag(oldSlug) : CacheTags.section(oldSlug)], buildFallback: null },
);
