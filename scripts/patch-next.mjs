/**
 * Run after every install (package.json "postinstall"): one reordering in Next's server runtimes, with no change in
 * behaviour (docs/decisions/0032-reader-renders-cheaper.md).
 *
 * IncrementalCache.set measures every entry it stores with `JSON.stringify(data).length`, for a 2 MB limit that only
 * applies to fetch-cache entries and only without a custom cache handler, which this project always has. A page entry
 * holds its RSC payload and segment data as Buffers, which JSON.stringify writes out as arrays of numbers, one per
 * byte: 9 % of an uncached article render's CPU, and much of its garbage, for a number nothing reads. The patch
 * computes the length only when the limit applies. Idempotent; if a Next upgrade changes the code, it says so and
 * leaves the file alone (tests/unit/next-patch.test.ts then fails, so the upgrade is noticed).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Minified runtimes: `let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler&&`. */
const MINIFIED = /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152&&!this\.hasCustomCacheHandler&&/g;
/** The unbundled incremental cache (dist/server and dist/esm). */
const PLAIN = "const itemSize = JSON.stringify(data).length;";
const PLAIN_PATCHED = "const itemSize = ctx.fetchCache && !this.hasCustomCacheHandler ? JSON.stringify(data).length : 0;";

/** The patched text of one file, or null when it holds nothing to patch. */
export function patchSource(source) {
  let changed = source.replace(MINIFIED, (_m, size, data, ctx) => `let ${size}=0;if(${ctx}.fetchCache&&!this.hasCustomCacheHandler&&(${size}=JSON.stringify(${data}).length)>2097152&&`);
  changed = changed.split(PLAIN).join(PLAIN_PATCHED);
  return changed === source ? null : changed;
}

/** Next's files that hold IncrementalCache.set. */
export function nextRuntimeFiles(nextDir) {
  const compiled = path.join(nextDir, "dist/compiled/next-server");
  const runtimes = existsSync(compiled) ? readdirSync(compiled).filter((f) => f.endsWith(".runtime.prod.js")).map((f) => path.join(compiled, f)) : [];
  return [...runtimes, path.join(nextDir, "dist/server/lib/incremental-cache/index.js"), path.join(nextDir, "dist/esm/server/lib/incremental-cache/index.js")].filter((f) => existsSync(f));
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
  const pending = nextRuntimeFiles(nextDir).filter((f) => /JSON\.stringify\(\w+\)\.length;if\(\w+\.fetchCache/.test(readFileSync(f, "utf8")) || readFileSync(f, "utf8").includes(PLAIN));
  if (pending.length > 0) console.warn(`[dateline] patch-next: could not patch ${pending.length} file(s) of Next; see scripts/patch-next.mjs`);
  else if (patched > 0) console.log(`[dateline] patch-next: Next's cache stores page entries without measuring them (${patched} files)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
