/**
 * The Content API in every language edition (docs/decisions/0029): an article's URLs are its edition's (prefixed
 * for a non-default one, with the edition's section slug), its section and tags carry the edition's names (falling
 * back to the default ones), and `?language=` picks one edition. Read once per request: the editions and each one's
 * names are cached public reads.
 */
import "server-only";
import { defaultSlug, getEditionNames, listEditions, localName, type EditionInfo, type EditionNames } from "@/lib/data/editions";
import type { ParameterProblem } from "./problem";

export type ApiEditions = {
  editions: EditionInfo[];
  names: Map<string, EditionNames>;
  /** "" for the default edition, "/es" for Spanish. */
  prefix: (editionId: string) => string;
  /** A section or tag as the edition names it. */
  section: <T extends { name: string; slug: string }>(editionId: string, item: T) => T;
  tag: <T extends { name: string; slug: string }>(editionId: string, item: T) => T;
  /** The default edition's slug of a section named by any edition's slug (filters and paths accept both). */
  sectionSlug: (slug: string) => string;
  tagSlug: (slug: string) => string;
};

export async function loadApiEditions(): Promise<ApiEditions> {
  const editions = await listEditions();
  const names = new Map(await Promise.all(editions.map(async (e) => [e.id, await getEditionNames(e.id)] as const)));
  const byId = new Map(editions.map((e) => [e.id, e]));
  const namesOf = (id: string) => names.get(id) ?? { sections: {}, tags: {}, sectionBySlug: {}, tagBySlug: {} };
  const anyEdition = (slug: string, pick: (n: EditionNames) => Record<string, string>) =>
    [...names.values()].reduce((found, n) => (found === slug ? defaultSlug(slug, pick(n)) : found), slug);
  return {
    editions,
    names,
    prefix: (id) => (byId.get(id)?.isDefault === false ? `/${id}` : ""),
    section: (id, item) => localName(item, namesOf(id).sections),
    tag: (id, item) => localName(item, namesOf(id).tags),
    sectionSlug: (slug) => anyEdition(slug, (n) => n.sectionBySlug),
    tagSlug: (slug) => anyEdition(slug, (n) => n.tagBySlug),
  };
}

/** The edition `?language=` names, or the problem that names the editions there are. */
export function pickEdition(editions: ApiEditions, language: string | undefined): { language: string | null } | ParameterProblem[] {
  if (language === undefined) return { language: null };
  if (editions.editions.some((e) => e.id === language)) return { language };
  const known = editions.editions.map((e) => `${e.id} (${e.name})`).join(", ");
  return [{ parameter: "language", detail: `There is no ${JSON.stringify(language)} edition. This site publishes in: ${known}.` }];
}
