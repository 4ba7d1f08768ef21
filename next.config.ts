import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets several builds of one checkout live side by side (e.g. parallel work); default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() gives the admin area a real 403 page for signed-in staff without the role.
  // Next buffers a request body the proxy sees only up to this size; uploads (20 MB max) are kept under it should
  // the proxy matcher ever include /api/media (today it does not: see proxy.ts).
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "21mb" },
  // Public pages and their data are cached by our handler, which every instance invalidates through PostgreSQL
  // (docs/decisions/0004-public-page-cache.md). Next's own in-memory layer is off so nothing bypasses it.
  cacheHandler: path.resolve(process.cwd(), "lib/cache/isr-handler.cjs"),
  cacheMaxMemorySize: 0,
};

export default nextConfig;
