/**
 * The copy of unsaved changes kept on this device (localStorage `dateline:draft:{articleId}`), so that a closed tab,
 * a crash or a lost connection never loses text. Written while there are unsaved changes, removed after a save.
 */
import { contentKey } from "./content-key";
import type { SavePayload } from "./types";

export type LocalDraft = {
  fields: SavePayload;
  baseVersion: number;
  /** When the last change was made (ISO). */
  savedAt: string;
  slugEdited?: boolean;
};

const key = (articleId: string) => `dateline:draft:${articleId}`;

export function readLocalDraft(articleId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(articleId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft> | null;
    if (!parsed || typeof parsed !== "object" || !parsed.fields || typeof parsed.baseVersion !== "number" || typeof parsed.savedAt !== "string") return null;
    if (!parsed.fields.body || parsed.fields.body.type !== "doc") return null;
    return parsed as LocalDraft;
  } catch {
    return null;
  }
}

export function writeLocalDraft(articleId: string, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(key(articleId), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: the server copy is all we have */
  }
}

export function clearLocalDraft(articleId: string): void {
  try {
    window.localStorage.removeItem(key(articleId));
  } catch {
    /* nothing to clear */
  }
}

/**
 * The copy on this device, if it holds changes that the server's version (`server`, as the page loaded it) does not:
 * based on that version or a later one, or changed after it was saved. A stale or identical copy is removed.
 */
export function takeNewerLocalDraft(articleId: string, server: { payload: SavePayload; version: number; updatedAt: string }): LocalDraft | null {
  const local = readLocalDraft(articleId);
  if (!local) return null;
  const isNewer = local.baseVersion >= server.version || Date.parse(local.savedAt) > Date.parse(server.updatedAt);
  if (!isNewer || contentKey(local.fields) === contentKey(server.payload)) {
    clearLocalDraft(articleId);
    return null;
  }
  return local;
}
