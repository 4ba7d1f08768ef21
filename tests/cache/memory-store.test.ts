/**
 * The in-process cache store (cache-handlers/memory-store.cjs): least recently used first out, bounded by entries and
 * by the bytes its page entries hold (HTML, RSC payload, segment data).
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
type Store = { get(key: string): Promise<unknown>; set(key: string, entry: unknown): Promise<void>; delete(key: string): Promise<void>; bytes: number };
const { MemoryStore, estimateSize } = require("../../cache-handlers/memory-store.cjs") as {
  MemoryStore: new (maxEntries: number, maxBytes?: number) => Store;
  estimateSize(entry: unknown): number;
};

const page = (kb: number) => ({ value: { kind: "APP_PAGE", html: "x".repeat(kb * 512), rscData: Buffer.alloc(kb * 1024), segmentData: new Map([["/_tree", Buffer.alloc(1024)]]) } });

describe("memory store", () => {
  it("estimates a page entry by its HTML, RSC payload and segments", () => {
    expect(estimateSize(page(10))).toBeGreaterThanOrEqual(10 * 1024 + 10 * 1024 + 1024);
    expect(estimateSize(page(10))).toBeLessThan(25 * 1024);
  });

  it("drops the least recently used entries past its byte bound, and keeps its count of bytes right", async () => {
    const store = new MemoryStore(100, 100 * 1024);
    for (const key of ["a", "b", "c"]) await store.set(key, page(20)); // ~41 KB each
    expect(await store.get("a"), "over the bound: the oldest went").toBeUndefined();
    await store.get("b"); // b is now the most recently used
    await store.set("d", page(20));
    expect(await store.get("c")).toBeUndefined();
    expect(await store.get("b")).toBeDefined();
    expect(await store.get("d")).toBeDefined();
    await store.delete("b");
    await store.delete("d");
    expect(store.bytes).toBe(0);
  });

  it("drops the least recently used entries past its entry bound", async () => {
    const store = new MemoryStore(2);
    for (const key of ["a", "b", "c"]) await store.set(key, { value: { kind: "FETCH", data: { body: key } } });
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("c")).toBeDefined();
  });
});
