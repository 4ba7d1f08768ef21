/**
 * Runs before routing, and only redirects, answers early or adds headers:
 * - a path with a percent escape that does not decode is a 400 (Next would answer 500): lib/security/malformed-url.ts;
 * - a server action posted from another site, too large or unreadable is refused with a 4xx (Next would answer 500):
 *   lib/security/server-action-guard.ts;
 * - signed-out visitors of the dashboard and admin go to /login (with a callbackUrl back); whether a signed-in user
 *   is still active, and what their role allows, is checked on the server by lib/auth/session.ts and lib/data;
 * - pages rendered per request (staff areas, sign-in pages, previews, search) get a Content-Security-Policy with a
 *   fresh nonce (lib/security/csp.ts); the cached public pages get theirs from the cache handler instead, so the
 *   proxy does not run for them (the matcher below);
 * - `/collab`, the co-editing WebSocket, is forwarded to the collaboration server beside this instance (COLLAB_URL,
 *   set by the scripts that start both: docs/decisions/0015-co-editing.md); behind nginx it never gets here;
 * - /gone and an edition's /es/gone answer with the status 410 Gone (a rewrite that sets it: pages cannot). An
 *   unpublished article's own URL answers 410 from its route (app/(public)/article-document.tsx), cached like the
 *   page it replaces, so the proxy does not run for article URLs;
 * - `/search?q=…&page=n` (and an edition's `/es/search?q=…`) with a valid query is rewritten to its cacheable path (search/results/…), so repeated
 *   searches are page-cache hits instead of a render each (with the cached pages' policy); the address bar keeps
 *   the query string. The empty form and a refused query render per request, with a nonce.
 */
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { isProtectedPath } from "@/lib/auth/permissions";
import { COLLAB_PATH } from "@/lib/collab/content";
import { editionPrefixOf, searchPagePrefix } from "@/lib/i18n/routes";
import { SearchPageSchema, SearchQuerySchema, searchResultsPath } from "@/lib/validation/search";
import { createNonce, noncePagePolicy, type NoncePolicyOptions } from "@/lib/security/csp";
import { refuseMalformedPath } from "@/lib/security/malformed-url";
import { isServerActionRequest, refuseBadServerAction } from "@/lib/security/server-action-guard";

const isDevelopment = process.env.NODE_ENV === "development";

/** Passes the request on with a nonce policy: in the request (Next reads the nonce there) and in the response. */
function withNoncePolicy(request: NextRequest, frameAncestors: NoncePolicyOptions["frameAncestors"]) {
  const policy = noncePagePolicy(createNonce(), { frameAncestors, isDevelopment });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const requireSignIn = withAuth((request) => withNoncePolicy(request, "'none'"), { pages: { signIn: "/login" } });

/** Sign-in pages and previews are never framed. */
function noncePageKind(pathname: string): NoncePolicyOptions["frameAncestors"] | null {
  if (pathname === "/login" || pathname === "/forgot-password") return "'none'";
  if (/^\/(?:invite|reset-password|preview)\/[^/]+$/.test(pathname)) return "'none'";
  // The newsletters' pages: per request (a signed link in the query, or a message), never framed.
  if (/^\/newsletters(?:\/(?:check-your-email|confirm|preferences|unsubscribe))?$/.test(pathname)) return "'none'";
  return null;
}

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  const malformed = refuseMalformedPath(pathname);
  if (malformed) return malformed;
  if (isServerActionRequest(request, pathname)) {
    const refusal = await refuseBadServerAction(request);
    if (refusal) return NextResponse.json({ ok: false, ...refusal }, { status: refusal.status });
  }
  if (pathname === COLLAB_PATH) {
    // Next upgrades the connection and pipes it to a rewrite that names another server.
    const target = process.env.COLLAB_URL;
    return target ? NextResponse.rewrite(new URL(COLLAB_PATH, target)) : new NextResponse("Co-editing is not running on this server.", { status: 503 });
  }
  if (isProtectedPath(pathname)) {
    return requireSignIn(request, event);
  }
  const searchPrefix = searchPagePrefix(pathname);
  if (searchPrefix !== null) {
    const q = SearchQuerySchema.safeParse(request.nextUrl.searchParams.getAll("q"));
    if (q.success && q.data !== "") {
      const page = SearchPageSchema.parse(request.nextUrl.searchParams.get("page") ?? undefined);
      return NextResponse.rewrite(new URL(`${searchPrefix}${searchResultsPath(q.data, page)}`, request.url));
    }
    return withNoncePolicy(request, "'self'"); // the form, or the page's own message
  }
  const frameAncestors = noncePageKind(pathname);
  if (frameAncestors) return withNoncePolicy(request, frameAncestors);
  // /gone (/es/gone) is what an edition says of a story taken down, and answers as one.
  if (pathname === `${editionPrefixOf(pathname)}/gone`) return NextResponse.rewrite(new URL(pathname, request.url), { status: 410 });
  return NextResponse.next();
}

/**
 * The proxy costs every request it sees, so it sees only the staff areas, the per-request pages that need a nonce,
 * /search (and /es/search), /gone (and /es/gone), /collab, paths with a suspicious percent escape, and requests that
 * may be server actions: not the cached reader pages (articles, front pages, sections, tags, authors), feeds, Next's
 * own files or the API. tests/unit/proxy-matcher.test.ts pins this list.
 */
export const config = {
  matcher: [
    "/dashboard",
    "/dashboard/:path*",
    "/admin",
    "/admin/:path*",
    "/invite/:token",
    "/reset-password/:token",
    "/preview/:token",
    "/login",
    "/forgot-password",
    "/search",
    "/collab",
    "/gone",
    "/newsletters",
    "/newsletters/:page(check-your-email|confirm|preferences|unsubscribe)",
    // A prefixed edition's (lib/i18n/routes.ts lists the editions; a matcher must be a literal).
    "/es/search",
    "/es/gone",
    // Paths with an escape that may not decode (refused above), whatever route they would reach: a "%" not followed
    // by two hex digits, or one starting a non-ASCII byte (which may be cut short). "%20" and the like do not match.
    "/:path(.*%(?:(?![0-9A-Fa-f]{2})|[89A-Fa-f]).*)",
    // Possible server actions anywhere, without running the proxy for every GET of a cached page.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    // Any case of the form types (a header's media type is case-insensitive; so is readPostedForm's). Next tests the
    // value as a RegExp without flags, and Node 20's RegExp has no inline (?i:), so each letter is spelt both ways.
    {
      source: "/:path*",
      has: [{ type: "header", key: "content-type", value: "(?:[Mm][Uu][Ll][Tt][Ii][Pp][Aa][Rr][Tt]/[Ff][Oo][Rr][Mm]-[Dd][Aa][Tt][Aa]|[Aa][Pp][Pp][Ll][Ii][Cc][Aa][Tt][Ii][Oo][Nn]/[Xx]-[Ww][Ww][Ww]-[Ff][Oo][Rr][Mm]-[Uu][Rr][Ll][Ee][Nn][Cc][Oo][Dd][Ee][Dd]).*" }],
    },
  ],
};
