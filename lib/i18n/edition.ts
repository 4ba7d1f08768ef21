/**
 * What a reader page needs to know about its edition: the edition (null for an unknown prefix: the page 404s), its
 * text (lib/i18n/reader-text.ts), how dates are written, its names for sections and tags, and the other editions'
 * front pages for the header's language links. The default edition writes dates in the site's locale (Admin →
 * Settings), as before editions existed; another edition in its own locale; all in the site's time zone.
 */
import "server-only";
import { NO_NAMES, getDefaultEdition, getEditionNames, getPrefixedEdition, listEditions, type EditionInfo } from "@/lib/data/editions";
import { getSiteSettings } from "@/lib/data/settings";
import type { EditionLink } from "@/components/layout/site-header";
import { editionLocale, readerText } from "./reader-text";

/** `code`: the URL prefix of a non-default edition ("es"), or null for the default edition. */
export async function loadEdition(code: string | null) {
  const [settings, edition] = await Promise.all([getSiteSettings(), code === null ? getDefaultEdition() : getPrefixedEdition(code)]);
  if (!edition) return null;
  // The default edition names sections and tags by their rows: nothing to read.
  const names = edition.isDefault ? NO_NAMES : await getEditionNames(edition.id);
  const locale = editionLocale(edition, settings.locale);
  const text = readerText({ ...edition, locale });
  return { edition, settings, names, text, dates: { locale, timeZone: settings.timeZone } };
}

export type EditionContext = NonNullable<Awaited<ReturnType<typeof loadEdition>>>;

/** The URL prefix of an edition: "" for the default one. */
export function editionPrefix(edition: Pick<EditionInfo, "id" | "isDefault">): string {
  return edition.isDefault ? "" : `/${edition.id}`;
}

/** The header's links to the other editions' front pages, each named in its own language. */
export async function otherEditionLinks(current: EditionInfo): Promise<EditionLink[]> {
  const editions = await listEditions();
  return editions.filter((e) => e.id !== current.id).map((e) => ({ lang: e.id, name: e.name, href: editionPrefix(e) || "/" }));
}
