/**
 * Audits HTML that the body renderer (lib/content/document.ts) produced: it quotes every attribute with "…" and
 * escapes every "<" of the text, so a small tokenizer reads it exactly. Returns a line per element or attribute
 * outside the renderer's allowlist, and per link or source a browser would run (javascript:, data:, vbscript:)
 * or send off-site by a protocol-relative address. Empty means the HTML can only show text.
 */
const TAGS = new Set(["p", "strong", "em", "a", "h2", "h3", "blockquote", "ul", "ol", "li", "hr", "br", "figure", "figcaption", "picture", "source", "img", "iframe"]);
const ATTRIBUTES = new Set(["href", "rel", "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "class", "type", "title", "allow", "allowfullscreen", "sandbox", "referrerpolicy"]);

export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<(\/?)([^\s>/]+)([^>]*)>/g)) {
    const [, closing, name = "", rest = ""] = tag;
    if (!TAGS.has(name)) problems.push(`element <${name}>`);
    if (closing) continue;
    // What is left after removing the well-formed attributes must be nothing but whitespace.
    const leftover = rest.replace(/\s([a-z-]+)(?:="([^"<>]*)")?/g, (_m, attr: string, value: string | undefined) => {
      if (!ATTRIBUTES.has(attr)) problems.push(`attribute ${attr} on <${name}>`);
      if ((attr === "href" || attr === "src") && value !== undefined) {
        const url = value.replace(/&amp;/g, "&").trim().toLowerCase();
        if (/^(javascript|data|vbscript):/.test(url) || url.startsWith("//") || url.startsWith("/\\")) problems.push(`${attr}="${value}" on <${name}>`);
        if (name === "iframe" && !url.startsWith("https://www.youtube-nocookie.com/embed/")) problems.push(`iframe from ${value}`);
      }
      return "";
    });
    if (leftover.trim()) problems.push(`unparsed attributes on <${name}>: ${leftover.slice(0, 80)}`);
  }
  return problems;
}
