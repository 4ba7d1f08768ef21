/**
 * What a shared document holds, as plain data (docs/decisions/0015-co-editing.md): the article's editable content in
 * the shape PUT /api/articles/:id takes it, and the names of the documents. Shared by the browser's editor, the
 * collaboration server and the data layer; no Yjs here.
 */
import type { DocNode } from "@/lib/content/document";

/** The short fields that merge character by character (Y.Text). */
export const TEXT_FIELDS = ["headline", "dek", "datelineCity", "seoTitle", "seoDescription"] as const;
/** The fields that are a choice rather than prose: the last writer's choice wins (a Y.Map entry each). */
export const CHOICE_FIELDS = ["sectionId", "tags", "authorIds", "featuredImageId", "slug"] as const;

export type TextField = (typeof TEXT_FIELDS)[number];
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

export type SharedContent = {
  headline: string;
  dek: string;
  datelineCity: string;
  seoTitle: string;
  seoDescription: string;
  sectionId: string;
  tags: string[];
  authorIds: string[];
  featuredImageId: string | null;
  slug: string;
  body: DocNode;
};

export type ContentField = keyof SharedContent;
export const CONTENT_FIELDS: readonly ContentField[] = [...TEXT_FIELDS, ...CHOICE_FIELDS, "body"];

/** Where browsers open the co-editing WebSocket, on the site's own origin. */
export const COLLAB_PATH = "/collab";

/** Which text a document holds: the article's live content, or its pending update (decision 0014). */
export type SharedTarget = "live" | "pending";

export type SharedRef = { articleId: string; target: SharedTarget };

/** The document's name on the wire and in Redis: `article/<id>/<target>`. */
export function documentName({ articleId, target }: SharedRef): string {
  return `article/${articleId}/${target}`;
}

export function parseDocumentName(name: string): SharedRef | null {
  const match = /^article\/([A-Za-z0-9_-]{1,40})\/(live|pending)$/.exec(name);
  return match ? { articleId: match[1]!, target: match[2] as SharedTarget } : null;
}

/** A document without the differences that carry no meaning (key order, empty attrs, a trailing empty paragraph). */
function canonicalNode(node: DocNode): unknown {
  const out: Record<string, unknown> = { type: node.type };
  const attrs = canonicalAttrs(node.attrs);
  if (attrs) out.attrs = attrs;
  if (node.text !== undefined) out.text = node.text;
  if (node.marks && node.marks.length > 0) out.marks = node.marks.map((m) => ({ type: m.type, ...(canonicalAttrs(m.attrs) ? { attrs: canonicalAttrs(m.attrs) } : {}) }));
  if (node.content && node.content.length > 0) {
    const children = [...node.content];
    // The editor adds an empty paragraph after a final image or rule; it carries no content.
    if (node.type === "doc") while (children.length > 1 && children.at(-1)?.type === "paragraph" && !children.at(-1)?.content?.length) children.pop();
    out.content = children.map(canonicalNode);
  }
  return out;
}

function canonicalAttrs(attrs: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!attrs) return null;
  const kept = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

/** Equal for two values of a field exactly when a reader would see no difference (the server trims text). */
export function fieldKey(field: ContentField, value: SharedContent[ContentField]): string {
  if (field === "body") return JSON.stringify(canonicalNode(value as DocNode));
  const trim = (v: unknown): unknown => (typeof v === "string" ? v.trim() : Array.isArray(v) ? v.map(trim) : v);
  return JSON.stringify(trim(value));
}

/** The fields whose values differ between two versions of the content. */
export function changedFields(a: SharedContent, b: SharedContent): ContentField[] {
  return CONTENT_FIELDS.filter((field) => fieldKey(field, a[field]) !== fieldKey(field, b[field]));
}
