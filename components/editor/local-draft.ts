/**
 * The copy of unsaved changes kept on this device (localStorage `dateline:draft:{articleId}`), so that a closed tab,
 * a crash or a lost connection never loses text. Written while there are unsaved changes, removed after a save.
 */
import type { DocNode } from "@/lib/content/document";
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

/** A document without the differences that carry no meaning (key order, null attrs, empty content arrays). */
function canonicalNode(node: DocNode): unknown {
  const out: Record<string, unknown> = { type: node.type };
  if (node.attrs) {
    const attrs = Object.fromEntries(
      Object.entries(node.attrs)
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    if (Object.keys(attrs).length > 0) out.attrs = attrs;
  }
  if (node.text !== undefined) out.text = node.text;
  if (node.marks && node.marks.length > 0) {
    out.marks = node.marks.map((m) => ({
      type: m.type,
      ...(m.attrs ? { attrs: Object.fromEntries(Object.entries(m.attrs).filter(([, v]) => v !== null && v !== undefined).sort(([a], [b]) => a.localeCompare(b))) } : {}),
    }));
  }
  if (node.content && node.content.length > 0) {
    const children = [...node.content];
    // The editor adds an empty paragraph after a final image or rule; it carries no content.
    if (node.type === "doc") while (children.length > 1 && children[children.length - 1]?.type === "paragraph" && !children[children.length - 1]?.content?.length) children.pop();
    out.content = children.map(canonicalNode);
  }
  return out;
}

/** A string that is equal for two payloads exactly when a reader would see the same article. */
export function contentKey(payload: SavePayload): string {
  const { body, ...fields } = payload;
  // The server trims text fields, so "Headline " and "Headline" are the same saved article.
  const trim = (value: unknown): unknown => (typeof value === "string" ? value.trim() : Array.isArray(value) ? value.map(trim) : value);
  const sortedFields = Object.fromEntries(
    Object.entries(fields)
      .map(([k, v]) => [k, trim(v)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return JSON.stringify([sortedFields, canonicalNode(body)]);
}
