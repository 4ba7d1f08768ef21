import { describe, expect, it } from "vitest";
import { applyCorrections, editDistance, maxEdits, pickCorrection, queryWords } from "@/lib/data/search-spelling";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours as one edit each", () => {
    expect(editDistance("reservoir", "reservoir")).toBe(0);
    expect(editDistance("reservior", "reservoir")).toBe(1); // swap
    expect(editDistance("resevoir", "reservoir")).toBe(1); // insertion
    expect(editDistance("reservoirr", "reservoir")).toBe(1); // deletion
    expect(editDistance("reservoar", "reservoir")).toBe(1); // substitution
    expect(editDistance("reservior", "reserve")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("león", "leon")).toBe(1);
  });
});

describe("pickCorrection", () => {
  it("takes the fewest edits first, then the most used word, and nothing beyond reach", () => {
    const candidates = [
      { word: "reserve", documents: 40 },
      { word: "reservoirs", documents: 2 },
      { word: "reservoir", documents: 3 },
    ];
    expect(pickCorrection("reservior", candidates)).toBe("reservoir");
    expect(pickCorrection("flod", [{ word: "flood", documents: 1 }, { word: "floor", documents: 9 }])).toBe("flood");
    expect(pickCorrection("cat", [{ word: "cut", documents: 1 }, { word: "cot", documents: 5 }])).toBe("cot");
    expect(pickCorrection("cat", [{ word: "coat", documents: 1 }, { word: "cast", documents: 1 }])).toBe("cast");
    expect(pickCorrection("abcd", [{ word: "abxy", documents: 9 }])).toBeNull();
    expect(pickCorrection("same", [{ word: "same", documents: 9 }])).toBeNull();
  });

  it("allows more edits in longer words", () => {
    expect([maxEdits("cat"), maxEdits("flood"), maxEdits("reservoir")]).toEqual([1, 2, 3]);
  });
});

describe("queryWords and applyCorrections", () => {
  it("checks letter runs of three or more once, and respells whole words only, keeping the rest", () => {
    expect(queryWords('"reservior" of -the reservior año 2026')).toEqual(["reservior", "the", "año"]);
    const corrections = new Map([["reservior", "reservoir"]]);
    expect(applyCorrections('"reservior" -dam reserviors reservior', corrections)).toBe('"reservoir" -dam reserviors reservoir');
  });
});
