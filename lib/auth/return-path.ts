/**
 * Where to send someone after sign-in. Only paths on this site are allowed (no open redirect): next-auth's proxy
 * passes an absolute URL, of which we keep the path and query.
 */
export function safeReturnPath(raw: string | undefined | null, fallback = "/dashboard"): string {
  if (!raw) return fallback;
  let candidate = raw;
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      candidate = `${url.pathname}${url.search}`;
    } catch {
      return fallback;
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (candidate.startsWith("/login") || candidate.startsWith("/api/")) return fallback;
  return candidate;
}
