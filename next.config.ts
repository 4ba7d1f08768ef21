import path from "node:path";
import type { NextConfig } from "next";
import { HSTS, SECURITY_HEADERS } from "./lib/security/response-headers";

/** Staff and sign-in pages: never shown inside another site's frame (their CSP says frame-ancestors 'none' too). */
const UNFRAMED = ["/dashboard", "/dashboard/:path*", "/admin", "/admin/:path*", "/login", "/forgot-password", "/invite/:token", "/reset-password/:token", "/preview/:token"];
/** HSTS only over https: the site's URL at build time, or the request as the TLS-terminating proxy reports it. */
const isHttpsSite = /^https:\/\//.test(process.env.SITE_URL ?? process.env.NEXTAUTH_URL ?? "");

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets several builds of one checkout live side by side (e.g. parallel work); default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Next hashes every HTML response it sends (cache hits included) with a JavaScript FNV loop to make an ETag: the
  // hottest single function in a profile of this server's renders, 6.5 % of its CPU (docs/performance.md, issue 22).
  // Public pages are kept fresh through their cache tags, not by browsers revalidating them.
  generateEtags: false,
  // A self-contained server in <distDir>/standalone (server.js + the traced node_modules): what `npm start` and
  // `npm run cluster` run (scripts/run.ts, scripts/cluster/); it serves cache hits ~30% faster than `next start`.
  output: "standalone",
  reactStrictMode: true,
  // forbidden() gives the admin area a real 403 page for signed-in staff without the role.
  // Next buffers a request body the proxy sees only up to this size; uploads (20 MB max) are kept under it should
  // the proxy matcher ever include /api/media (today it does not: see proxy.ts).
  // preloadEntriesOnStart off: Next otherwise loads every route's compiled code at start (254 MB resident before the
  // first request). A process loads what it serves: a reader-facing instance never loads the admin's and the editor's
  // modules until someone opens them; each route's first request pays its load once (docs/performance.md, issue 22).
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "21mb", preloadEntriesOnStart: false },
  // Public pages and their data are cached by our handler, which every instance invalidates through PostgreSQL
  // (docs/decisions/0004-public-page-cache.md). Next's own in-memory layer is off so nothing bypasses it.
  cacheHandler: path.resolve(process.cwd(), "cache-handlers/isr-handler.cjs"),
  cacheMaxMemorySize: 0,
  // `'use cache'` / `'use cache: remote'` entries (none yet: Cache Components is off): same Redis, same tag expiry
  // through PostgreSQL, so they too expire on every instance (docs/decisions/0008-use-cache-handler.md).
  cacheHandlers: {
    default: path.resolve(process.cwd(), "cache-handlers/use-cache-handler.cjs"),
    remote: path.resolve(process.cwd(), "cache-handlers/use-cache-handler.cjs"),
  },
  // Every response; each page's Content-Security-Policy comes from proxy.ts (per-request pages, with a nonce) or from
  // the cache handler (cached public pages, with script hashes): lib/security/csp.ts, cache-handlers/page-csp.cjs.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...SECURITY_HEADERS, ...(isHttpsSite ? [HSTS] : [])],
      },
      ...(isHttpsSite ? [] : [{ source: "/:path*", has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [HSTS] }]),
      ...UNFRAMED.map((source) => ({ source, headers: [{ key: "X-Frame-Options", value: "DENY" }] })),
    ];
  },
};

export default nextConfig;
