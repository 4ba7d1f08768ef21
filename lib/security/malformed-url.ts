/**
 * A URL whose path has a percent escape that does not decode ("/news/%ZZ", a lone "%", "%E0%A4" cut short) is a bad
 * request. Next 16 agrees (its route matching throws a DecodeError and it sets 400), but an App Router-only build has
 * no pages/_error to render that 400 with, so it answered a bare 500 for every dynamic route. proxy.ts answers first
 * (its matcher sends it every path with an escape that could be malformed), with a 400 and a message.
 */
import { GONE_PAGE_POLICY } from "@/lib/security/csp";

export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const MESSAGE = "This address is not valid: it has a percent sign that is not followed by a character code.";

const BAD_URL_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>This address is not valid</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#111418;background:#fffdf8">
<main><h1>This address is not valid</h1><p>${MESSAGE}</p><p><a href="/">Go to the front page</a></p></main></body></html>`;

/** The 400 for a path with a malformed escape (JSON under /api/, a page elsewhere), or null for any other path. */
export function refuseMalformedPath(pathname: string): Response | null {
  if (!hasMalformedEscape(pathname)) return null;
  if (pathname.startsWith("/api/")) return Response.json({ ok: false, status: 400, message: MESSAGE }, { status: 400 });
  return new Response(BAD_URL_HTML, { status: 400, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": GONE_PAGE_POLICY } });
}
