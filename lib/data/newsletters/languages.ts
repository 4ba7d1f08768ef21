/**
 * The language edition a newsletter speaks (decision 0029): its words (the reader catalogs of lib/i18n), the URL
 * prefix of the pages its links open, and the prefix of its lists' keys (null for the default edition, whose lists
 * keep their keys from before editions). Read from the database, not the public cache: the scheduler and the send
 * workers run outside a request. An unknown or removed edition reads as the default one.
 */
import "server-only";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { readerText, type ReaderText } from "@/lib/i18n/reader-text";

/** `isOpen`: readers can see the edition; one an admin closed (decision 0033) sends no newsletter until reopened. */
export type NewsletterLanguage = { id: string; isDefault: boolean; isOpen: boolean; prefix: string; listEdition: string | null; text: ReaderText };

type Row = { id: string; locale: string; isDefault: boolean; isPublic: boolean };

function toLanguage(row: Row): NewsletterLanguage {
  const prefix = row.isDefault ? "" : `/${row.id}`;
  return { id: row.id, isDefault: row.isDefault, isOpen: row.isDefault || row.isPublic, prefix, listEdition: row.isDefault ? null : row.id, text: readerText(row) };
}

const ENGLISH: Row = { id: "en", locale: "en-US", isDefault: true, isPublic: true };

/** Every edition, the default first. */
export async function listNewsletterLanguages(db: Pick<DbTx, "languageEdition"> = getDb()): Promise<NewsletterLanguage[]> {
  const rows = await db.languageEdition.findMany({ orderBy: [{ isDefault: "desc" }, { position: "asc" }, { id: "asc" }], select: { id: true, locale: true, isDefault: true, isPublic: true } });
  return (rows.length ? rows : [ENGLISH]).map(toLanguage);
}

/** The edition `id` names, else the default one. The default edition writes in its own locale here (e-mails). */
export async function newsletterLanguage(id: string | null | undefined, db: Pick<DbTx, "languageEdition"> = getDb()): Promise<NewsletterLanguage> {
  const all = await listNewsletterLanguages(db);
  return all.find((l) => l.id === id) ?? all.find((l) => l.isDefault) ?? all[0]!;
}

/** The language edition of the lists a key names ("es:DIGEST" → es; "DIGEST" → the default edition). */
export function languageOfList(languages: NewsletterLanguage[], listEdition: string | null): NewsletterLanguage | null {
  return languages.find((l) => (listEdition === null ? l.isDefault : !l.isDefault && l.id === listEdition)) ?? null;
}
