/**
 * The newsletters' lists: the daily digest, breaking news, and one per section, in each language edition. A list is
 * named by one key, which forms carry as a checkbox value and memberships store: "DIGEST", "BREAKING",
 * "SECTION:<sectionId>" for the default edition (as before editions), and the same after the edition's code for
 * another edition ("es:DIGEST"), whose e-mails are written in its language with its articles (decision 0029).
 */
import { z } from "zod";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export type ListKind = "DIGEST" | "BREAKING" | "SECTION";

/** A list: `edition` is its language edition's code when that is not the default edition, else null. */
export type ListRef = { list: string; kind: ListKind; sectionId: string | null; edition: string | null };

/** "1 reader", "2,000 readers": how many an edition goes to. */
export const copies = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "reader" : "readers"}`;

export const DIGEST_LIST = "DIGEST";
export const BREAKING_LIST = "BREAKING";

/** The key of a list; `edition`: a non-default edition's code, or null. */
export function editionList(kind: ListKind, sectionId: string | null, edition: string | null = null): string {
  const key = kind === "SECTION" && sectionId ? `SECTION:${sectionId}` : kind;
  return edition ? `${edition}:${key}` : key;
}

export function sectionList(sectionId: string, edition: string | null = null): string {
  return editionList("SECTION", sectionId, edition);
}

const LIST_KEY = /^(?:([a-z]{2,3}):)?(DIGEST|BREAKING|SECTION:([a-z0-9]{8,40}))$/;

/** A list key from a form, or null when it is not one. Whether its edition exists is the data layer's question. */
export function parseListKey(key: string): ListRef | null {
  const match = LIST_KEY.exec(key);
  if (!match) return null;
  const kind = match[3] ? "SECTION" : (match[2] as "DIGEST" | "BREAKING");
  return { list: key, kind, sectionId: match[3] ?? null, edition: match[1] ?? null };
}

/** The lists a form asked for: known keys only (anything else is dropped, not refused), each once, at most 50. */
export const ListKeysSchema = z.array(z.string()).transform((keys) => [...new Set(keys)].filter((key) => parseListKey(key) !== null).slice(0, 50));

/** How a list reads in a sentence, in `text`'s language: "the daily digest", "the Business newsletter". */
export function listName(kind: ListKind, sectionName: string | null, text: ReaderText = ENGLISH_TEXT): string {
  if (kind === "DIGEST") return text.t("nlListDigest");
  if (kind === "BREAKING") return text.t("nlListBreaking");
  return text.t("nlListSection", { section: sectionName ?? "section" });
}
