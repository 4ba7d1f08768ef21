/**
 * The article body is stored as the editor's JSON document (ProseMirror/Tiptap shape: { type, attrs, content, marks,
 * text }). The server derives the HTML readers get and the plain text search indexes from it here.
 *
 * Safety: the HTML is built from an allowlist of node and mark types; every text and attribute is escaped; links
 * keep only http(s), mailto and addresses that stay on the site (sitePath), images only the latter. Unknown nodes are dropped (their text kept), so HTML from a
 * client is never trusted or passed through.
 */
import { z } from "zod";
import { toStorableJson } from "@/lib/validation/text";
import { ARTICLE_IMAGE_SIZES, parseMediaUrl, responsiveImageFromUrl } from "@/lib/media/keys";
import { sameOriginPath } from "@/lib/security/same-origin";

export type DocMark = { type: string; attrs?: Record<string, unknown> };
export type DocNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
};

const TypeSchema = z.string().max(40, "The body contains an element type the editor does not know");
const MarkSchema = z.object({ type: TypeSchema, attrs: z.record(z.string(), z.unknown()).optional() });
export const DocNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: TypeSchema,
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(DocNodeSchema).max(20_000, "The body has too many paragraphs or elements (at most 20,000 in one place)").optional(),
    marks: z.array(MarkSchema).max(10, "A piece of text can carry at most 10 styles").optional(),
    text: z.string().max(1_000_000, "A paragraph of the body can be at most 1,000,000 characters long; split it up").optional(),
  }),
);
/**
 * How deep a body may nest, in nodes (the document, a list, its item, a paragraph and its text are 5). A person
 * nests lists or quotes a handful of levels; a hand-made body 1,000 levels deep overflowed the stack of every
 * recursive reader (zod's, then the renderer's) and answered 500.
 */
export const MAX_DOCUMENT_DEPTH = 100;
/** Marks and attributes nest a few levels under their node (marks, a mark, its attrs, a value). */
const MAX_JSON_DEPTH = 2 * MAX_DOCUMENT_DEPTH + 8;

/**
 * Whether a parsed JSON value is a body at most MAX_DOCUMENT_DEPTH nodes deep (nodes nest through `content`), and no
 * deeper than MAX_JSON_DEPTH arrays and objects anywhere. A loop, not recursion: any depth is safe to ask about.
 */
function isShallowEnough(value: unknown): boolean {
  const stack: { item: unknown; json: number; nodes: number }[] = [{ item: value, json: 1, nodes: 1 }];
  while (stack.length > 0) {
    const { item, json, nodes } = stack.pop()!;
    if (!item || typeof item !== "object") continue;
    if (json > MAX_JSON_DEPTH || nodes > MAX_DOCUMENT_DEPTH) return false;
    for (const [key, child] of Object.entries(item)) {
      if (key === "content" && Array.isArray(child) && !Array.isArray(item)) {
        for (const node of child) stack.push({ item: node, json: json + 2, nodes: nodes + 1 });
      } else stack.push({ item: child, json: json + 1, nodes });
    }
  }
  return true;
}

/**
 * The body as the editor sends it: its depth checked first (before anything recurses into it), then strings
 * PostgreSQL cannot store in jsonb made storable (lib/validation/text.ts), then its shape.
 */
export const DocumentSchema = z
  .unknown()
  .refine(isShallowEnough, {
    message: `The body is nested more than ${MAX_DOCUMENT_DEPTH} levels deep (lists or quotes inside one another); flatten it to save.`,
    abort: true,
  })
  .pipe(z.preprocess(toStorableJson, DocNodeSchema))
  .refine((node) => node.type === "doc", { message: "The body must be an editor document" });

export function emptyDocument(): DocNode {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/**
 * Body URLs are checked with the one same-origin check (lib/security/same-origin.ts) against a stand-in origin: the
 * HTML is stored, and a relative address stays on (or leaves) the site whatever origin it is resolved against, so
 * neither the stored HTML nor the editor depends on the deployment's URL. Absolute URLs are other sites' links.
 */
const SITE_STAND_IN = "https://site.invalid";

/**
 * The path of an address on this site ("/news/x"), as a browser would request it, or null. "//host", "/\\host",
 * "/\t/host" (browsers drop tabs and newlines and read a backslash as a slash) and the like are other sites.
 */
export function sitePath(value: unknown): string | null {
  return typeof value === "string" && value.startsWith("/") ? sameOriginPath(value, SITE_STAND_IN) : null;
}

/** Returns the URL if it is safe to put in an href, else null: a path on this site, a fragment, or http(s)/mailto. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const value = raw.trim();
  if (value.length === 0 || value.length > 2048) return null;
  if (value.startsWith("/")) return sitePath(value);
  if (value.startsWith("#")) {
    const path = sameOriginPath(value, SITE_STAND_IN);
    return path && path.slice(path.indexOf("#"));
  }
  try {
    const url = new URL(value);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function renderMarks(text: string, marks: DocMark[] | undefined): string {
  let html = escapeHtml(text);
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case "bold":
        html = `<strong>${html}</strong>`;
        break;
      case "italic":
        html = `<em>${html}</em>`;
        break;
      case "link": {
        const href = safeHref(mark.attrs?.href);
        if (href) {
          const external = /^https?:/.test(href);
          html = `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer nofollow"' : ""}>${html}</a>`;
        }
        break;
      }
      default:
        break; // unknown marks are dropped, text kept
    }
  }
  return html;
}

function renderChildren(node: DocNode): string {
  return (node.content ?? []).map(renderNode).join("");
}

function renderNode(node: DocNode): string {
  switch (node.type) {
    case "doc":
      return renderChildren(node);
    case "text":
      return renderMarks(node.text ?? "", node.marks);
    case "paragraph": {
      const inner = renderChildren(node);
      return inner ? `<p>${inner}</p>` : "";
    }
    case "heading": {
      const level = node.attrs?.level === 3 ? 3 : 2;
      return `<h${level}>${renderChildren(node)}</h${level}>`;
    }
    case "blockquote":
      return `<blockquote>${renderChildren(node)}</blockquote>`;
    case "bulletList":
      return `<ul>${renderChildren(node)}</ul>`;
    case "orderedList":
      return `<ol>${renderChildren(node)}</ol>`;
    case "listItem":
      return `<li>${renderChildren(node)}</li>`;
    case "horizontalRule":
      return "<hr>";
    case "image":
      return renderImage(node);
    case "embed":
      return renderEmbed(node);
    case "hardBreak":
      return "<br>";
    default:
      // Not on the allowlist: keep the words, drop the element.
      return renderChildren(node);
  }
}

/**
 * Images in the body come from our media library: only sources on this site (sitePath) are kept. A library image's
 * URL names its content hash and original size (lib/media/keys.ts), so its AVIF and WebP srcsets are derived from its
 * path here, with no database lookup; width and height reserve its space, and body images load lazily (they are below the fold).
 */
function renderImage(node: DocNode): string {
  const src = sitePath(node.attrs?.src);
  if (!src) return "";
  const alt = typeof node.attrs?.alt === "string" ? node.attrs.alt : "";
  const caption = typeof node.attrs?.caption === "string" ? node.attrs.caption.trim() : "";
  const credit = typeof node.attrs?.credit === "string" ? node.attrs.credit.trim() : "";
  const size = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 && v < 20000 ? v : null);
  const own = parseMediaUrl(src);
  const width = size(node.attrs?.width) ?? own?.width;
  const height = size(node.attrs?.height) ?? own?.height;
  const dims = width && height ? ` width="${width}" height="${height}"` : "";
  const responsive = responsiveImageFromUrl(src);
  const sizes = escapeHtml(ARTICLE_IMAGE_SIZES);
  const img = responsive
    ? `<img src="${escapeHtml(responsive.src)}" srcset="${escapeHtml(responsive.srcSet)}" sizes="${sizes}" alt="${escapeHtml(alt)}"${dims} loading="lazy" decoding="async" class="h-auto w-full rounded">`
    : `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${dims} loading="lazy" decoding="async" class="h-auto max-w-full rounded">`;
  const picture = responsive ? `<picture><source type="image/avif" srcset="${escapeHtml(responsive.avifSrcSet)}" sizes="${sizes}">${img}</picture>` : img;
  return `<figure class="my-8">${picture}${figcaption(caption, credit)}</figure>`;
}

/** A body image's caption and credit, styled as the featured image's (components/article/article-view.tsx). */
function figcaption(caption: string, credit: string): string {
  if (!caption && !credit) return "";
  const creditHtml = credit ? `<span class="text-xs uppercase tracking-wide">${escapeHtml(credit)}</span>` : "";
  return `<figcaption class="mt-2 text-sm text-muted">${[escapeHtml(caption), creditHtml].filter(Boolean).join(" ")}</figcaption>`;
}

/** A YouTube video id from its common URL shapes, else null. */
export function youTubeId(url: URL): string | null {
  const host = url.hostname.replace(/^www\./, "");
  let id: string | null = null;
  if (host === "youtu.be") id = url.pathname.slice(1);
  else if (host === "youtube.com" || host === "m.youtube.com") id = url.pathname === "/watch" ? url.searchParams.get("v") : url.pathname.match(/^\/(?:embed|shorts)\/([^/]+)/)?.[1] ?? null;
  return id && /^[A-Za-z0-9_-]{6,20}$/.test(id) ? id : null;
}

/** Embeds: YouTube as a privacy-enhanced, sandboxed iframe; anything else (X, etc.) as a plain link card. */
function renderEmbed(node: DocNode): string {
  const href = safeHref(node.attrs?.url);
  if (!href || !/^https?:/.test(href)) return "";
  const url = new URL(href);
  const video = youTubeId(url);
  if (video) {
    return `<figure class="embed embed-video"><iframe src="https://www.youtube-nocookie.com/embed/${video}" title="Embedded video" width="560" height="315" loading="lazy" sandbox="allow-scripts allow-same-origin allow-presentation" allow="encrypted-media; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></figure>`;
  }
  return `<p class="embed embed-link"><a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(url.hostname.replace(/^www\./, ""))}: ${escapeHtml(url.pathname.length > 1 ? decodeURIComponentSafe(url.pathname) : url.hostname)}</a></p>`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Words in a document (for the publish checklist). */
export function countWords(doc: DocNode): number {
  const text = documentToPlainText(doc);
  return text ? text.split(/\s+/).filter(Boolean).length : 0;
}

/** The images a document uses, with their alt text (for the checklist and media usage tracking). */
export function documentImages(doc: DocNode): { mediaId: string | null; alt: string }[] {
  const found: { mediaId: string | null; alt: string }[] = [];
  const walk = (node: DocNode) => {
    if (node.type === "image") {
      found.push({ mediaId: typeof node.attrs?.mediaId === "string" ? node.attrs.mediaId : null, alt: typeof node.attrs?.alt === "string" ? node.attrs.alt.trim() : "" });
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return found;
}

export function renderDocumentHtml(doc: DocNode): string {
  return renderNode(doc);
}

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem", "horizontalRule"]);

export function documentToPlainText(doc: DocNode): string {
  const parts: string[] = [];
  const walk = (node: DocNode) => {
    if (node.type === "text") parts.push(node.text ?? "");
    else if (node.type === "hardBreak") parts.push("\n");
    for (const child of node.content ?? []) walk(child);
    if (BLOCKS.has(node.type)) parts.push("\n\n");
  };
  walk(doc);
  return parts
    .join("")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Builds a document from plain paragraphs; used by the seed and by tests. */
export function documentFromParagraphs(paragraphs: string[]): DocNode {
  return {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })),
  };
}
