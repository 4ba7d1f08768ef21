/**
 * Content-Security-Policy for the pages rendered per request (staff areas, sign-in pages, previews, search), which
 * proxy.ts sets with a fresh nonce: Next reads the nonce from the request's CSP header and puts it on every script it
 * writes, and 'strict-dynamic' lets those scripts load the rest of the app (the editor's chunks included).
 * The cached public pages cannot carry a nonce and get a policy of script hashes instead (cache-handlers/page-csp.cjs);
 * both share BASE_DIRECTIVES. Kept free of lib/env and 'server-only' so that the proxy can import it.
 */
import { BASE_DIRECTIVES } from "@/cache-handlers/page-csp.cjs";

/** A random nonce for one response: 128 bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type NoncePolicyOptions = {
  /** 'none' for staff and sign-in pages (never framed); 'self' for reader pages. */
  frameAncestors: "'none'" | "'self'";
  /** `next dev` evaluates modules with eval() and reloads over a WebSocket. */
  isDevelopment?: boolean;
};

export function noncePagePolicy(nonce: string, { frameAncestors, isDevelopment = false }: NoncePolicyOptions): string {
  const script = `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`;
  const directives = BASE_DIRECTIVES.map((d) => (isDevelopment && d.startsWith("connect-src") ? `${d} ws: wss:` : d));
  return [...directives, script, `frame-ancestors ${frameAncestors}`].join("; ");
}

/** The policy of the proxy's own error page (a malformed address): no scripts at all, only its inline style attribute. */
export const GONE_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
