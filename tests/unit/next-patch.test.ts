/**
 * scripts/patch-next.mjs (run after every install): Next's cache must store page entries without serializing them
 * to JSON for a size limit that never applies with our cache handler (docs/decisions/0032-reader-renders-cheaper.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nextRuntimeFiles, patchSource } from "../../scripts/patch-next.mjs";

const MINIFIED = 'let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler&&!r.isImplicitBuildTimeCache){warn(i)}';

describe("patch-next", () => {
  it("measures an entry only when the fetch-cache limit applies, keeping the check and its message", () => {
    const patched = patchSource(MINIFIED) as string;
    expect(patched).toBe('let i=0;if(r.fetchCache&&!this.hasCustomCacheHandler&&(i=JSON.stringify(t).length)>2097152&&!r.isImplicitBuildTimeCache){warn(i)}');
    expect(patchSource(patched), "idempotent").toBeNull();
    // Same verdicts as before for every combination that decides them.
    for (const fetchCache of [true, false]) {
      for (const custom of [true, false]) {
        for (const size of [10, 3_000_000]) {
          const run = (code: string) => {
            const warned: number[] = [];
            new Function("t", "r", "warn", code).call({ hasCustomCacheHandler: custom }, { s: "x".repeat(size) }, { fetchCache, isImplicitBuildTimeCache: false }, (n: number) => warned.push(n));
            return warned;
          };
          expect(run(patched), `fetchCache ${fetchCache}, custom ${custom}, ${size}`).toEqual(run(MINIFIED));
        }
      }
    }
  });

  it("has been applied to the installed Next: no runtime serializes a page entry to measure it", () => {
    const files = nextRuntimeFiles(path.resolve("node_modules/next")) as string[];
    const withCache = files.filter((f) => readFileSync(f, "utf8").includes("hasCustomCacheHandler"));
    expect(withCache.length).toBeGreaterThan(3);
    for (const file of withCache) {
      const source = readFileSync(file, "utf8");
      expect(patchSource(source), `${path.relative(process.cwd(), file)} is not patched: run npm install`).toBeNull();
      expect(/JSON\.stringify\(\w+\)\.length;\s*(?:if\s*\(\s*\w+\.fetchCache|\/\/)/.test(source), path.basename(file)).toBe(false);
    }
  });
});
