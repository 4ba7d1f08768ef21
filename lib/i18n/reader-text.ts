/**
 * The reader's site in an edition's language (docs/decisions/0029-language-editions.md): messages in ICU
 * MessageFormat through intl-messageformat (plurals, numbers), the edition's locale for dates, and its URL prefix.
 * Server-only in practice: reader pages render on the server and ship no client runtime (decision 0022).
 * The dashboard stays in English.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { en, type Catalog, type MessageKey } from "./messages/en";
import { es } from "./messages/es";

const CATALOGS: Record<string, Catalog> = { en, es };

/** The languages whose reader text ships with Dateline: an edition's code must be one of them. */
export const SHIPPED_LANGUAGES = Object.keys(CATALOGS);

export type MessageValues = Record<string, string | number>;

export type ReaderText = {
  /** The BCP 47 language of the page (`<html lang>`, hreflang). */
  lang: string;
  /** The locale dates are written in ("es-MX"). */
  locale: string;
  /** "" for the default edition, "/es" for the Spanish one: put before every path of the reader's site. */
  prefix: string;
  t: (key: MessageKey, values?: MessageValues) => string;
  /** A path of the reader's site in this edition: path("/economia") → "/es/economia"; path("/") → "/es". */
  path: (path: string) => string;
};

const formats = new Map<string, IntlMessageFormat>();

function format(lang: string, key: MessageKey, values?: MessageValues): string {
  const id = `${lang}:${key}`;
  let message = formats.get(id);
  if (!message) {
    message = new IntlMessageFormat((CATALOGS[lang] ?? en)[key], lang);
    formats.set(id, message);
  }
  return String(message.format(values));
}

export type EditionRef = { id: string; locale: string; isDefault: boolean };

export function readerText(edition: EditionRef): ReaderText {
  const lang = CATALOGS[edition.id] ? edition.id : "en";
  const prefix = edition.isDefault ? "" : `/${edition.id}`;
  return {
    lang: edition.id,
    locale: edition.locale,
    prefix,
    t: (key, values) => format(lang, key, values),
    path: (path) => (prefix && path === "/" ? prefix : `${prefix}${path}`),
  };
}

/** The locale an edition writes dates in: the default edition the site's setting (as before editions), another its own. */
export function editionLocale(edition: Pick<EditionRef, "locale" | "isDefault">, siteLocale: string): string {
  return edition.isDefault ? siteLocale : edition.locale;
}

/** The default edition as every site starts: English, no prefix. Components default to it. */
export const ENGLISH_TEXT = readerText({ id: "en", locale: "en-US", isDefault: true });
