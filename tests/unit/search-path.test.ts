/** The cacheable search path that proxy.ts rewrites `/search?q=…` to: every query survives the round trip. */
import { describe, expect, it } from "vitest";
import { decodeSearchResultsQuery, searchResultsPath } from "@/lib/validation/search";

describe("search results path", () => {
  it.each(["water", "rio grande", "a/b ../c", "\"exact phrase\" -minus or", "café — 水 🌧", "%2F?#&=+"])("round-trips %j", (query) => {
    const path = searchResultsPath(query, 3);
    const [, , , segment, page] = path.split("/");
    expect(page).toBe("3");
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchResultsQuery(segment!)).toBe(query);
  });

  it("refuses segments that are not the canonical encoding of a query", () => {
    expect(decodeSearchResultsQuery("d2F0ZXI=")).toBeNull(); // padding is not produced, so not accepted
    expect(decodeSearchResultsQuery("d2F0ZX")).toBeNull(); // trailing bits: not what any query encodes to
    expect(decodeSearchResultsQuery("<script>")).toBeNull();
    expect(decodeSearchResultsQuery("/w8")).toBeNull();
  });
});
