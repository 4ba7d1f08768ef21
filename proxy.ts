/**
 * Runs before routing, and only redirects or answers early:
 * - signed-out visitors of the dashboard and admin go to /login (with a callbackUrl back); whether a signed-in user
 *   is still active, and what their role allows, is checked on the server by lib/auth/session.ts and lib/data;
 * - the URL of an unpublished article answers 410 Gone (pages cannot set that status themselves);
 * - `/search?q=…&page=n` with a valid query is rewritten to its cacheable path (search/results/…), so repeated
 *   searches are page-cache hits instead of a render each; the address bar keeps the query string.
 */
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { isGonePath } from "@/lib/cache/gone";
import { SearchPageSchema, SearchQuerySchema, searchResultsPath } from "@/lib/validation/search";

const requireSignIn = withAuth({ pages: { signIn: "/login" } });

const GONE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>This article is no longer available</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#111418;background:#fffdf8">
<main><h1>This article is no longer available</h1><p>It was removed from the site by the newsroom.</p><p><a href="/">Go to the front page</a></p></main></body></html>`;

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (pathname === "/dashboard" || pathname.startsWith("/dashboard/") || pathname === "/admin" || pathname.startsWith("/admin/")) {
    return requireSignIn(request, event);
  }
  if (pathname === "/search") {
    const q = SearchQuerySchema.safeParse(request.nextUrl.searchParams.getAll("q"));
    if (!q.success || q.data === "") return NextResponse.next(); // the form, or the page's own message
    const page = SearchPageSchema.parse(request.nextUrl.searchParams.get("page") ?? undefined);
    return NextResponse.rewrite(new URL(searchResultsPath(q.data, page), request.url));
  }
  let path = pathname;
  try {
    path = decodeURI(pathname);
  } catch {
    /* a malformed escape is simply not a known article */
  }
  if (await isGonePath(path, process.env.DATABASE_URL)) {
    return new NextResponse(GONE_HTML, { status: 410, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=60" } });
  }
  return NextResponse.next();
}

/**
 * The proxy costs every request it sees, so it sees only the staff areas and URLs shaped like an article
 * (/section/slug, both lower-case slugs) and /search: not tag, author, preview or invitation pages, feeds (a dot in the name),
 * Next's own files or the API. tests/unit/proxy-matcher.test.ts pins this list.
 */
export const config = {
  matcher: [
    "/dashboard",
    "/dashboard/:path*",
    "/admin",
    "/admin/:path*",
    "/search",
    "/:section((?!(?:tag|author|preview|invite|reset-password|api|media|sitemaps|og|dashboard|admin)/)[a-z0-9-]+)/:slug([a-z0-9-]+)",
  ],
};
