/**
 * Whether a request that changes something was sent by a page of this site: the one check for server actions
 * (lib/security/server-action-guard.ts, in proxy.ts) and the upload route (app/api/media), which a form on another
 * site could otherwise post to with a staff member's cookies.
 *
 * The Origin header decides: browsers send it with every POST, and it must name this site's host (as Next's own
 * check compares it: x-forwarded-host first, which Next sets itself). A sibling on the same registrable domain is
 * another site too: SameSite cookies travel to us from it, so Sec-Fetch-Site "same-site" is no reason to trust it.
 * Without an Origin, Sec-Fetch-Site still tells a browser's request from another site; a request with neither
 * comes from no browser (a script holding its own cookie), which no page can make a person send.
 */

/** The request's own host, as Next's Origin check sees it. */
function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/** Where the request came from when that is not this site (the Origin, or how the browser described it); else null. */
export function findForeignOrigin(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (origin === null) {
    const site = headers.get("sec-fetch-site");
    return site === "same-site" || site === "cross-site" ? `a page of another site (Sec-Fetch-Site: ${site})` : null;
  }
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  return originHost && originHost === requestHost(headers) ? null : origin.slice(0, 100);
}
