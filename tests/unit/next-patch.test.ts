/**
 * scripts/patch-next.mjs (run after every install): Next's cache must store page entries without serializing them
 * to JSON for a size limit that never applies with our cache handler, and reader documents are stored without the
 * per-segment prefetch data only Next's client router reads (docs/decisions/0032-reader-renders-cheaper.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HYDRATE_PAYLOAD, READER_PAYLOAD, nextRuntimeFiles, patchSource } from "../../scripts/patch-next.mjs";
import { DOCUMENT_MARKER, HYDRATE_MARKER } from "../../cache-handlers/reader-document.cjs";

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

  it("skips the segment prefetch data of a reader document only", async () => {
    const SEGMENTS = "async function f(i,r,n,e,d){i.segmentData=await r.collectSegmentData(n.cacheComponents,e,d);return i}";
    const patched = patchSource(SEGMENTS) as string;
    expect(patched).not.toBeNull();
    expect(patchSource(patched), "idempotent").toBeNull();
    expect(READER_PAYLOAD).toBe(`"${DOCUMENT_MARKER}"`);
    expect(HYDRATE_PAYLOAD).toBe(`"${HYDRATE_MARKER}"`);
    const run = async (code: string, payload: unknown) => {
      const calls: unknown[] = [];
      const mod = { collectSegmentData: async (...args: unknown[]) => (calls.push(args), new Map([["/_tree", "x"]])) };
      const f = new Function(`return ${code.replace("async function f", "async function")}`)();
      const out = await f({}, mod, { cacheComponents: false }, payload, 30);
      return { segments: out.segmentData, calls: calls.length };
    };
    const reader = Buffer.from('1:["$","div",null,{"className":"public-theme","data-reader-document":"","lang":"en"}]');
    const island = Buffer.from('1:["$","div",null,{"data-reader-document":"","children":["$","div",null,{"data-hydrate":""}]}]');
    const staff = Buffer.from('1:["$","main",null,{"children":"Sign in"}]');
    expect(await run(patched, reader)).toEqual({ segments: undefined, calls: 0 });
    for (const payload of [island, staff, "not a buffer"]) expect(await run(patched, payload)).toEqual(await run(SEGMENTS, payload));
  });

  it("has been applied to the installed Next: every prerender checks for a reader document before making segments", () => {
    const files = (nextRuntimeFiles(path.resolve("node_modules/next")) as string[]).filter((f) => readFileSync(f, "utf8").includes("collectSegmentData("));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      expect(/segmentData\s*=\s*await \w+\.collectSegmentData\(/.test(source), `${path.relative(process.cwd(), file)} is not patched: run npm install`).toBe(false);
      expect(source.includes(READER_PAYLOAD), path.basename(file)).toBe(true);
    }
  });
});
