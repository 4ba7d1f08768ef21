/**
 * Which URLs the editor accepts. The server's renderer (lib/content/document.ts) drops anything else anyway; these
 * checks only tell the writer at once instead of letting a link silently vanish on the public page.
 */
import { sitePath } from "@/lib/content/document";

/**
 * A link target: http(s), mailto or a path on this site ("/news/x", checked by the renderer's own sitePath, so
 * "/\t/evil.example" is refused here too). "example.com/x" becomes https://example.com/x.
 */
export function normalizeLinkUrl(raw: string): string | null {
  const value = raw.trim();
  if (!value || value.length > 2048) return null;
  if (value.startsWith("/")) return sitePath(value);
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : /^[\w-]+(\.[\w-]+)+(?:[/?#:]|$)/.test(value) ? `https://${value}` : null;
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    if (url.protocol === "mailto:") return url.pathname.includes("@") ? url.toString() : null;
    if (url.protocol === "http:" || url.protocol === "https:") return url.hostname ? url.toString() : null;
    return null;
  } catch {
    return null;
  }
}

export function isAcceptableLinkUrl(raw: string): boolean {
  return normalizeLinkUrl(raw) !== null;
}

/** An embed: any http(s) URL (YouTube becomes a player on the public page, anything else a link card). */
export function normalizeEmbedUrl(raw: string): string | null {
  const value = raw.trim();
  if (!value || value.length > 2048) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".") ? url.toString() : null;
  } catch {
    return null;
  }
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}
