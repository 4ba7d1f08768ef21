import { describe, expect, it } from "vitest";
import { formatDateTime, formatPublicDate, formatWhen, isoWithOffset, toLocalInputValue, zonedTimeToUtc } from "@/lib/dates";
import { newsLanguageCode } from "@/lib/feeds/language";

const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe("isoWithOffset", () => {
  it("writes the newsroom's wall-clock time with its offset", () => {
    const date = new Date("2026-06-16T15:07:09.500Z");
    expect(isoWithOffset(date, "America/Monterrey")).toBe("2026-06-16T09:07:09-06:00");
    expect(isoWithOffset(date, "UTC")).toBe("2026-06-16T15:07:09+00:00");
    expect(isoWithOffset(date, "Asia/Kolkata")).toBe("2026-06-16T20:37:09+05:30");
    expect(isoWithOffset(date, "America/St_Johns")).toBe("2026-06-16T12:37:09-02:30");
  });

  it("follows daylight saving time", () => {
    expect(isoWithOffset(new Date("2026-07-01T16:00:00Z"), "America/New_York")).toBe("2026-07-01T12:00:00-04:00");
    expect(isoWithOffset(new Date("2026-01-15T17:00:00Z"), "America/New_York")).toBe("2026-01-15T12:00:00-05:00");
  });

  it("crosses the date line correctly, midnight included", () => {
    expect(isoWithOffset(new Date("2026-01-01T05:30:00Z"), "America/Monterrey")).toBe("2025-12-31T23:30:00-06:00");
    expect(isoWithOffset(new Date("2026-03-01T06:00:00Z"), "America/Monterrey")).toBe("2026-03-01T00:00:00-06:00");
    expect(isoWithOffset(new Date("2026-03-01T11:00:00Z"), "Pacific/Kiritimati")).toBe("2026-03-02T01:00:00+14:00");
  });

});

describe("reading and writing the newsroom's wall-clock time", () => {
  it("turns a datetime-local value into the instant, and back, across DST", () => {
    expect(zonedTimeToUtc("2026-06-16T09:30", "America/Monterrey").toISOString()).toBe("2026-06-16T15:30:00.000Z");
    expect(zonedTimeToUtc("2026-07-01T12:00", "America/New_York").toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(zonedTimeToUtc("2026-01-15T12:00", "America/New_York").toISOString()).toBe("2026-01-15T17:00:00.000Z");
    expect(toLocalInputValue(new Date("2026-01-15T17:00:00Z"), "America/New_York")).toBe("2026-01-15T12:00");
    expect(() => zonedTimeToUtc("tomorrow", "UTC")).toThrow();
  });

  it("formats for readers and staff in the site's locale and zone", () => {
    const date = new Date("2026-01-01T05:30:00Z");
    expect(formatPublicDate(date, "en-US", "America/Monterrey")).toBe("December 31, 2025");
    expect(formatPublicDate(date, "es-MX", "UTC")).toBe("1 de enero de 2026");
    expect(formatDateTime(date, "en-US", "UTC")).toMatch(/^Jan 1, 2026, 5:30\sAM$/);
  });

  it("says when inside a sentence: the time alone on the same day in the site's zone, else the date too", () => {
    const sent = new Date("2026-01-01T05:30:00Z");
    expect(formatWhen(sent, "en-US", "UTC", new Date("2026-01-01T23:59:00Z"))).toMatch(/^at 5:30\sAM$/);
    expect(formatWhen(sent, "en-US", "UTC", new Date("2026-01-02T00:01:00Z"))).toMatch(/^on Jan 1, 2026, 5:30\sAM$/);
    // In Monterrey (UTC-6) it was 11:30 PM on Dec 31: "the same day" ends at midnight there, not in UTC.
    expect(formatWhen(sent, "en-US", "America/Monterrey", new Date("2026-01-01T05:45:00Z"))).toMatch(/^at 11:30\sPM$/);
    expect(formatWhen(sent, "en-US", "America/Monterrey", new Date("2026-01-01T06:30:00Z"))).toMatch(/^on Dec 31, 2025, 11:30\sPM$/);
  });
});

describe("one fallback policy for a setting the runtime does not know", () => {
  const date = new Date("2026-06-16T15:07:09Z");

  it("reads an unknown time zone as UTC, in every function", () => {
    for (const zone of ["Mars/Olympus_Mons", "", "not a zone"]) {
      expect(isoWithOffset(date, zone), zone).toBe("2026-06-16T15:07:09+00:00");
      expect(isoWithOffset(date, zone)).toMatch(W3C_WITH_OFFSET);
      expect(formatPublicDate(date, "en-US", zone)).toBe(formatPublicDate(date, "en-US", "UTC"));
      expect(formatDateTime(date, "en-US", zone)).toBe(formatDateTime(date, "en-US", "UTC"));
      expect(zonedTimeToUtc("2026-06-16T09:30", zone).toISOString()).toBe("2026-06-16T09:30:00.000Z");
      expect(toLocalInputValue(date, zone)).toBe("2026-06-16T15:07");
    }
  });

  it("reads a malformed locale as en-US, keeping the time zone", () => {
    expect(formatPublicDate(date, "not a locale!", "Asia/Kolkata")).toBe(formatPublicDate(date, "en-US", "Asia/Kolkata"));
    expect(formatDateTime(date, "", "America/Monterrey")).toBe(formatDateTime(date, "en-US", "America/Monterrey"));
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
