/**
 * Audits HTML that the body renderer (lib/content/document.ts) produced: it quotes every attribute with "…" and
 * escapes every "<" of the text, so a small tokenizer reads it exactly. Returns a line per element or attribute
 * outside the renderer's allowlist, and per link or source a browser would run (javascript:, data:, vbscript:) or
 * resolve off-site: the address is resolved as a browser on the site would resolve it (tabs and newlines dropped, a
 * backslash read as a slash), and only a link marked external (an http(s) or mailto URL with rel="nofollow") may
 * leave; images only come from the site, frames only from YouTube's privacy-enhanced host. Empty means the HTML can
 * only show text and links that say where they go.
 */
const TAGS = new Set(["p", "strong", "em", "a", "h2", "h3", "blockquote", "ul", "ol", "li", "hr", "br", "figure", "figcaption", "picture", "source", "img", "iframe"]);
const ATTRIBUTES = new Set(["href", "rel", "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "class", "type", "title", "allow", "allowfullscreen", "sandbox", "referrerpolicy"]);
/** Where the page is: the renderer writes paths, so any origin of our own shows what a browser would do with them. */
const SITE = "https://reader.test";

const decodeEntities = (value: string) => value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

function resolvesOnSite(url: string): boolean {
  try {
    return new URL(url, SITE).origin === SITE;
  } catch {
    return false;
  }
}

/** What is wrong with one URL attribute of an element, or null. */
function urlProblem(tag: string, attr: string, url: string, attributes: Map<string, string>): string | null {
  const lower = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  if (/^(javascript|data|vbscript):/.test(lower)) return `${attr}="${url}" on <${tag}> runs script or inline data`;
  if (tag === "iframe") return url.startsWith("https://www.youtube-nocookie.com/embed/") ? null : `iframe from ${url}`;
  if (tag === "a" && /^(https?:\/\/|mailto:)/i.test(url)) {
    return /^mailto:/i.test(url) || (attributes.get("rel") ?? "").split(" ").includes("nofollow") ? null : `external link ${url} without rel="nofollow"`;
  }
  return resolvesOnSite(url) ? null : `${attr}="${url}" on <${tag}> resolves off-site`;
}

export function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<(\/?)([^\s>/]+)([^>]*)>/g)) {
    const [, closing, name = "", rest = ""] = tag;
    if (!TAGS.has(name)) problems.push(`element <${name}>`);
    if (closing) continue;
    // What is left after removing the well-formed attributes must be nothing but whitespace.
    const attributes = new Map<string, string>();
    const leftover = rest.replace(/\s([a-z-]+)(?:="([^"<>]*)")?/g, (_m, attr: string, value: string | undefined) => {
      if (!ATTRIBUTES.has(attr)) problems.push(`attribute ${attr} on <${name}>`);
      attributes.set(attr, decodeEntities(value ?? ""));
      return "";
    });
    if (leftover.trim()) problems.push(`unparsed attributes on <${name}>: ${leftover.slice(0, 80)}`);
    for (const [attr, value] of attributes) {
      const urls = attr === "href" || attr === "src" ? [value] : attr === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [];
      for (const url of urls) {
        const problem = urlProblem(name, attr, url, attributes);
        if (problem) problems.push(problem);
      }
    }
  }
  return problems;
}
