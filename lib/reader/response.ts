/**
 * The HTTP answer for a reader document rendered by a route handler (decision 0034): its HTML, and the headers a
 * cached public page gets (the policy the cache handler gives pages Next renders: cache-handlers/page-csp.cjs).
 * Next adds its cache headers (s-maxage) and keeps the answer as the route's ISR entry, under the tags of the
 * reads that made it.
 */
import type { ReactElement } from "react";
import { publicPageCsp } from "@/cache-handlers/page-csp.cjs";
import { renderHtml } from "./fizz";

export async function readerDocumentResponse(document: ReactElement, status = 200): Promise<Response> {
  const html = await renderHtml(document);
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": publicPageCsp(html) },
  });
}
