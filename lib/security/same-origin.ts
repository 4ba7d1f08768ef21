/**
 * The one "does this URL stay on our site?" check, for every place that takes a URL from outside and sends a browser
 * to it: the return path after sign-in (lib/auth/return-path.ts) and the links and images in article bodies.
 *
 * A prefix test ("starts with / but not //") is not enough: browsers drop tabs and newlines anywhere in a URL and
 * read a backslash as a slash, so `/\t/evil.example` and `/\evil.example` both leave the site. Instead the candidate
 * is resolved against the site URL the way a browser would (WHATWG URL), and it must land on the same origin. On
 * top of that, anything a browser and a server might read differently is refused outright: control characters and
 * backslashes, also when percent-encoded, and a result whose path itself starts with two slashes (`/.//evil.example`
 * resolves to the path `//evil.example`, which a browser reads as another host).
 *
 * Pure (no environment, no server-only) so the proxy, the sign-in page and the content sanitizer can all import it.
 */

/** Longer candidates are refused: no legitimate return path or body link needs more. */
export const MAX_SAME_ORIGIN_URL_LENGTH = 2048;

// C0 controls (tab, CR and LF included), DEL and the C1 controls, plus the backslash.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;

function decodedOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Control characters or backslashes, as typed or percent-encoded. A malformed escape is refused too (browsers and
 * servers disagree on it). The result is decoded a second time, so an escaped escape (%2509) that some decoder along
 * the way could turn into a tab is caught; a second decoding that fails is only a literal "%" and is fine.
 */
function hasUnsafe(value: string): boolean {
  const once = decodedOrNull(value);
  if (UNSAFE.test(value) || once === null || UNSAFE.test(once)) return true;
  const twice = decodedOrNull(once);
  return twice !== null && UNSAFE.test(twice);
}

/**
 * The candidate's path, query and fragment when it resolves, against `siteUrl`, to a URL on the site's own origin;
 * null otherwise. Absolute URLs are accepted when their origin is the site's; anything relative is resolved against
 * the site's root. The answer is the browser's own serialization (spaces and non-ASCII percent-encoded), so it means
 * the same to every reader of it.
 */
export function sameOriginPath(candidate: string, siteUrl: string): string | null {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > MAX_SAME_ORIGIN_URL_LENGTH) return null;
  if (candidate.trim() !== candidate || hasUnsafe(candidate)) return null;
  let site: URL;
  let resolved: URL;
  try {
    site = new URL(siteUrl);
    resolved = new URL(candidate, new URL("/", site));
  } catch {
    return null;
  }
  if (resolved.origin !== site.origin || resolved.origin === "null") return null;
  if (resolved.username || resolved.password) return null;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  const decodedPath = decodedOrNull(resolved.pathname);
  if (!path.startsWith("/") || path.startsWith("//") || decodedPath === null || /^\/[/\\]/.test(decodedPath)) return null;
  return path;
}
