/**
 * The newsletters' lists: the daily digest, breaking news, and one per section. A list is named by one key
 * ("DIGEST", "BREAKING", "SECTION:<sectionId>"), which forms carry as a checkbox value and memberships store.
 */
import { z } from "zod";

export type ListKind = "DIGEST" | "BREAKING" | "SECTION";

/** "1 reader", "2,000 readers": how many an edition goes to. */
export const copies = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "reader" : "readers"}`;

export const DIGEST_LIST = "DIGEST";
export const BREAKING_LIST = "BREAKING";

export function sectionList(sectionId: string): string {
  return `SECTION:${sectionId}`;
}

/** A list key from a form, or null when it is not one. */
export function parseListKey(key: string): { list: string; kind: ListKind; sectionId: string | null } | null {
  if (key === DIGEST_LIST || key === BREAKING_LIST) return { list: key, kind: key, sectionId: null };
  const match = /^SECTION:([a-z0-9]{8,40})$/.exec(key);
  return match ? { list: key, kind: "SECTION", sectionId: match[1]! } : null;
}

/** The lists a form asked for: known keys only (anything else is dropped, not refused), each once, at most 50. */
export const ListKeysSchema = z.array(z.string()).transform((keys) => [...new Set(keys)].filter((key) => parseListKey(key) !== null).slice(0, 50));

/** The list an edition goes to. */
export function editionList(kind: ListKind, sectionId: string | null): string {
  return kind === "SECTION" && sectionId ? sectionList(sectionId) : kind;
}

export const LIST_LABELS = { DIGEST: "The daily digest", BREAKING: "Breaking news alerts" } as const;

/** How a list reads in a sentence: "the daily digest", "breaking news alerts", "the Business newsletter". */
export function listName(kind: ListKind, sectionName: string | null): string {
  return kind === "SECTION" ? `the ${sectionName ?? "section"} newsletter` : LIST_LABELS[kind].toLowerCase();
}
