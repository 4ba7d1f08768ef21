/**
 * Where to send someone after sign-in: a path on this site only (no open redirect). The one same-origin check
 * (lib/security/same-origin.ts) decides, so a tab, newline or backslash that a browser would read as another host
 * is refused, and what comes back is the browser's own serialization of the path (safe in a Location header).
 * The sign-in page itself and the API are never return paths.
 */
import { sameOriginPath } from "@/lib/security/same-origin";

export function safeReturnPath(raw: string | undefined | null, siteUrl: string, fallback = "/dashboard"): string {
  const path = raw ? sameOriginPath(raw, siteUrl) : null;
  if (!path || /^\/(?:login|api)(?:[/?#]|$)/i.test(path)) return fallback;
  return path;
}
