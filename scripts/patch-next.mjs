/**
 * Run after every install (package.json "postinstall"): two changes in Next's server runtimes
 * (docs/decisions/0032-reader-renders-cheaper.md).
 *
 * 1. IncrementalCache.set measures every entry it stores with `JSON.stringify(data).length`, for a 2 MB limit that
 *    only applies to fetch-cache entries and only without a custom cache handler, which this project always has. A
 *    page entry holds its RSC payload and segment data as Buffers, which JSON.stringify writes out as arrays of
 *    numbers, one per byte: 9 % of an uncached article render's CPU, and much of its garbage, for a number nothing
 *    reads. The patch computes the length only when the limit applies.
 * 2. After each prerender Next cuts the page's RSC payload into per-segment prefetch data for its client router
 *    (decoding the whole payload and encoding each segment again). A reader document never runs that router: the
 *    cache handler strips Next's client runtime from it (decision 0022). For a page whose payload carries the
 *    reader-document marker and no hydrate marker (cache-handlers/reader-document.cjs), the segments are not made:
 *    ~10–15 % of an uncached render's CPU, and the memory they held in the cache. A segment prefetch for such a page
 *    (which only another app page's <Link> could send) gets the whole payload, as for a route without segments.
 *
 * Idempotent; if a Next upgrade changes the code, the script says so and leaves the file alone
 * (tests/unit/next-patch.test.ts then fails, so the upgrade is noticed).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Minified runtimes: `let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler&&`. */
const MINIFIED = /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152&&!this\.hasCustomCacheHandler&&/g;
/** The unbundled incremental cache (dist/server and dist/esm). */
const PLAIN = "const itemSize = JSON.stringify(data).length;";
const PLAIN_PATCHED = "const itemSize = ctx.fetchCache && !this.hasCustomCacheHandler ? JSON.stringify(data).length : 0;";

/** `metadata.segmentData = await ComponentMod.collectSegmentData(renderOpts.cacheComponents, fullPageDataBuffer, …` (minified or not). */
const SEGMENTS = /(\w+)\.segmentData(\s*)=\s*await (\w+)\.collectSegmentData\(([\w.]+),(\s*)(\w+),/g;
/** The markers of cache-handlers/reader-document.cjs as they appear in an RSC payload (a prop name, quoted). */
export const READER_PAYLOAD = '"data-reader-document"';
export const HYDRATE_PAYLOAD = '"data-hydrate"';

/** The patched text of one file, or null when it holds nothing to patch. */
export function patchSource(source) {
  let changed = source.replace(MINIFIED, (_m, size, data, ctx) => `let ${size}=0;if(${ctx}.fetchCache&&!this.hasCustomCacheHandler&&(${size}=JSON.stringify(${data}).length)>2097152&&`);
  changed = changed.split(PLAIN).join(PLAIN_PATCHED);
  changed = changed.replace(SEGMENTS, (_m, target, space, mod, first, space2, payload) =>
    `${target}.segmentData${space}=${space}(Buffer.isBuffer(${payload})&&${payload}.includes('${READER_PAYLOAD}')&&!${payload}.includes('${HYDRATE_PAYLOAD}'))?void 0:await ${mod}.collectSegmentData(${first},${space2}${payload},`);
  return changed === source ? null : changed;
}

/** Next's files that hold IncrementalCache.set or the app renderer. */
export function nextRuntimeFiles(nextDir) {
  const compiled = path.join(nextDir, "dist/compiled/next-server");
  const runtimes = existsSync(compiled) ? readdirSync(compiled).filter((f) => f.endsWith(".runtime.prod.js")).map((f) => path.join(compiled, f)) : [];
  const unbundled = ["server/lib/incremental-cache/index.js", "server/app-render/app-render.js"].flatMap((f) => [path.join(nextDir, "dist", f), path.join(nextDir, "dist/esm", f)]);
  return [...runtimes, ...unbundled].filter((f) => existsSync(f));
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const nextDir = path.join(root, "node_modules/next");
  if (!existsSync(nextDir)) return;
  let patched = 0;
  for (const file of nextRuntimeFiles(nextDir)) {
    const next = patchSource(readFileSync(file, "utf8"));
    if (next !== null) {
      writeFileSync(file, next);
      patched += 1;
    }
  }
  const pending = nextRuntimeFiles(nextDir).filter((f) => {
    const source = readFileSync(f, "utf8");
    return /JSON\.stringify\(\w+\)\.length;if\(\w+\.fetchCache/.test(source) || source.includes(PLAIN) || /segmentData\s*=\s*await \w+\.collectSegmentData\(/.test(source);
  });
  if (pending.length > 0) console.warn(`[dateline] patch-next: could not patch ${pending.length} file(s) of Next; see scripts/patch-next.mjs`);
  else if (patched > 0) console.log(`[dateline] patch-next: page entries stored unmeasured, reader documents without segment data (${patched} files)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
