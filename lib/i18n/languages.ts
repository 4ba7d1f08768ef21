/**
 * The languages an admin can add as an edition (docs/decisions/0033-editions-admin.md): those whose reader text
 * ships with the code (a catalog in lib/i18n/messages) and whose routes do (a folder listed in routes.ts). An
 * edition in any other language would have no words and no pages, so the admin screen does not offer one.
 */
import { SHIPPED_LANGUAGES } from "./reader-text";
import { PREFIXED_EDITION_ROUTES } from "./routes";

export const EDITION_LANGUAGES: readonly string[] = PREFIXED_EDITION_ROUTES.filter((code) => SHIPPED_LANGUAGES.includes(code));

const ENGLISH_NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** A language's name in English, for the (English) staff screens: "es" → "Spanish". */
export function languageName(code: string): string {
  try {
    return ENGLISH_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
