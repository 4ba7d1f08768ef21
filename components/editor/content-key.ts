/**
 * Comparing versions of the article: two payloads have the same key exactly when a reader would see the same
 * article. A conflict, a restore or a copy on this device that changes nothing a reader sees is settled silently.
 */
import type { DocNode } from "@/lib/content/document";
import type { CurrentArticle, SavePayload } from "./types";

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

/** The saveable part of the server's current version. */
export function payloadOf(current: CurrentArticle): SavePayload {
  return {
    headline: current.headline,
    dek: current.dek,
    body: current.body,
    datelineCity: current.datelineCity,
    sectionId: current.sectionId,
    tags: current.tags,
    authorIds: current.authorIds,
    featuredImageId: current.featuredImageId,
    slug: current.slug,
    seoTitle: current.seoTitle,
    seoDescription: current.seoDescription,
  };
}
