/**
 * hreflang alternates (docs/decisions/0029-language-editions.md): a page lists its translations, itself included,
 * plus x-default (the default edition's page, or the first listed), and every page it lists lists it back, since the
 * list is the same for every member of a translation group. A page without translations lists none.
 */
import "server-only";
import { findPublishedTranslations } from "@/lib/data/articles/public";
import { getEditionNames, listEditions, localName, type EditionInfo } from "@/lib/data/editions";
import { editionPrefix } from "./edition";

/** Metadata's alternates.languages: hreflang → site-relative URL. */
export type LanguageAlternates = Record<string, string>;

function withDefault(byEdition: [EditionInfo, string][]): LanguageAlternates | undefined {
  if (byEdition.length < 2) return undefined;
  const languages: LanguageAlternates = Object.fromEntries(byEdition.map(([edition, path]) => [edition.id, path]));
  const fallback = byEdition.find(([edition]) => edition.isDefault) ?? byEdition[0]!;
  return { ...languages, "x-default": fallback[1] };
}

/** Every edition's front page. */
export async function homeAlternates(): Promise<LanguageAlternates | undefined> {
  const editions = await listEditions();
  return withDefault(editions.map((e) => [e, editionPrefix(e) || "/"]));
}

/** Each edition's page of a section (every edition has every section, under its own name and slug). */
export async function sectionAlternates(defaultSlug: string): Promise<LanguageAlternates | undefined> {
  const editions = await listEditions();
  const paths = await Promise.all(
    editions.map(async (e): Promise<[EditionInfo, string]> => {
      const names = await getEditionNames(e.id);
      return [e, `${editionPrefix(e)}/${localName({ name: "", slug: defaultSlug }, names.sections).slug}`];
    }),
  );
  return withDefault(paths);
}

/** The published members of an article's translation group, each at its URL in its edition. */
export async function articleAlternates(groupId: string | null): Promise<LanguageAlternates | undefined> {
  if (!groupId) return undefined;
  const [translations, editions] = await Promise.all([findPublishedTranslations(groupId), listEditions()]);
  const paths = await Promise.all(
    translations.flatMap((t) => {
      const edition = editions.find((e) => e.id === t.editionId);
      if (!edition) return [];
      return [
        getEditionNames(edition.id).then((names): [EditionInfo, string] => [
          edition,
          `${editionPrefix(edition)}/${localName({ name: "", slug: t.sectionSlug }, names.sections).slug}/${t.slug}`,
        ]),
      ];
    }),
  );
  return withDefault(paths);
}
