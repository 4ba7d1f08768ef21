/**
 * Runs before routing, and only redirects or answers early:
 * - signed-out visitors of the dashboard and admin go to /login (with a callbackUrl back); whether a signed-in user
 *   is still active, and what their role allows, is checked on the server by lib/auth/session.ts and lib/data;
 * - the URL of an unpublished article answers 410 Gone (pages cannot set that status themselves).
 */
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { isGonePath } from "@/lib/cache/gone";

const requireSignIn = withAuth({ pages: { signIn: "/login" } });

const GONE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>This article is no longer available</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#111418;background:#fffdf8">
<main><h1>This article is no longer available</h1><p>It was removed from the site by the newsroom.</p><p><a href="/">Go to the front page</a></p></main></body></html>`;

export default async function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (pathname === "/dashboard" || pathname.startsWith("/dashboard/") || pathname === "/admin" || pathname.startsWith("/admin/")) {
    return requireSignIn(request, event);
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

export const config = { matcher: ["/dashboard", "/dashboard/:path*", "/admin", "/admin/:path*", "/:section/:slug"] };
