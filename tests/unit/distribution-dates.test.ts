import { describe, expect, it } from "vitest";
import { formatDateTimeWithOffset, newsLanguageCode } from "@/lib/feeds/dates";

const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe("formatDateTimeWithOffset", () => {
  it("writes the newsroom's wall-clock time with its offset", () => {
    const date = new Date("2026-06-16T15:07:09.500Z");
    expect(formatDateTimeWithOffset(date, "America/Monterrey")).toBe("2026-06-16T09:07:09-06:00");
    expect(formatDateTimeWithOffset(date, "UTC")).toBe("2026-06-16T15:07:09+00:00");
    expect(formatDateTimeWithOffset(date, "Asia/Kolkata")).toBe("2026-06-16T20:37:09+05:30");
    expect(formatDateTimeWithOffset(date, "America/St_Johns")).toBe("2026-06-16T12:37:09-02:30");
  });

  it("follows daylight saving time", () => {
    expect(formatDateTimeWithOffset(new Date("2026-07-01T16:00:00Z"), "America/New_York")).toBe("2026-07-01T12:00:00-04:00");
    expect(formatDateTimeWithOffset(new Date("2026-01-15T17:00:00Z"), "America/New_York")).toBe("2026-01-15T12:00:00-05:00");
  });

  it("crosses the date line correctly, midnight included", () => {
    expect(formatDateTimeWithOffset(new Date("2026-01-01T05:30:00Z"), "America/Monterrey")).toBe("2025-12-31T23:30:00-06:00");
    expect(formatDateTimeWithOffset(new Date("2026-03-01T06:00:00Z"), "America/Monterrey")).toBe("2026-03-01T00:00:00-06:00");
    expect(formatDateTimeWithOffset(new Date("2026-03-01T11:00:00Z"), "Pacific/Kiritimati")).toBe("2026-03-02T01:00:00+14:00");
  });

  it("falls back to UTC for a time zone it does not know", () => {
    const formatted = formatDateTimeWithOffset(new Date("2026-06-16T15:07:09Z"), "Mars/Olympus_Mons");
    expect(formatted).toBe("2026-06-16T15:07:09+00:00");
    expect(formatted).toMatch(W3C_WITH_OFFSET);
  });
});

describe("newsLanguageCode", () => {
  it("keeps only the ISO 639 language, except for Chinese", () => {
    expect(newsLanguageCode("en-US")).toBe("en");
    expect(newsLanguageCode("es-MX")).toBe("es");
    expect(newsLanguageCode("pt")).toBe("pt");
    expect(newsLanguageCode("zh-CN")).toBe("zh-cn");
    expect(newsLanguageCode("zh-Hans")).toBe("zh-cn");
    expect(newsLanguageCode("zh-TW")).toBe("zh-tw");
    expect(newsLanguageCode("zh-Hant-HK")).toBe("zh-tw");
    expect(newsLanguageCode("not a locale!")).toBe("en");
  });
});
