/**
 * Splits an article's rendered body (lib/content/document.ts, renderDocumentHtml) after its Nth top-level paragraph,
 * so the page can put the in-article ad slot there. Our renderer escapes every "<" and ">" in text and attributes,
 * so a tag scanner reads its output exactly; paragraphs inside quotes and lists do not count.
 */

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/**
 * [before, after] around the end of the `n`th top-level paragraph, or null when the body has fewer than `n`
 * paragraphs or nothing after that one (the slot then stays out: it belongs inside the text, not after it).
 */
export function splitAfterParagraph(html: string, n: number): [string, string] | null {
  if (n < 1) return null;
  let depth = 0;
  let paragraphs = 0;
  for (const match of html.matchAll(TAG)) {
    const [whole, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (VOID_ELEMENTS.has(name) || selfClosing) continue;
    if (!closing) {
      depth++;
      continue;
    }
    depth--;
    if (depth === 0 && name === "p" && ++paragraphs === n) {
      const end = match.index + whole.length;
      const after = html.slice(end);
      return after.trim() === "" ? null : [html.slice(0, end), after];
    }
  }
  return null;
}
