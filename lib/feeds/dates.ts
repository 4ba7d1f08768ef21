/**
 * Dates and languages in the forms crawlers expect. Google News wants a W3C/ISO 8601 date-time with the publisher's
 * own offset ("2026-06-16T09:07:00-06:00") and an ISO 639 language code ("en", not "en-US"); JavaScript gives
 * neither directly, so both are derived here from the site settings (time zone, locale).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * `date` as the wall-clock time in `timeZone` with that zone's UTC offset at that instant, to the second:
 * "2026-06-16T09:07:00-06:00". UTC is written "+00:00". An unknown time zone falls back to UTC rather than failing
 * the whole sitemap.
 */
export function formatDateTimeWithOffset(date: Date, timeZone: string): string {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = wallClockFormatter(timeZone);
  } catch {
    formatter = wallClockFormatter("UTC");
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  // The offset is whatever separates that wall-clock reading from the instant itself (DST included).
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - instant) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * The language code Google News accepts for a BCP 47 locale: the ISO 639 language ("en-US" → "en"), except Chinese,
 * which must be "zh-cn" (Simplified) or "zh-tw" (Traditional).
 */
export function newsLanguageCode(locale: string): string {
  let language: string;
  let script: string | undefined;
  let region: string | undefined;
  try {
    const parsed = new Intl.Locale(locale);
    language = parsed.language;
    script = parsed.script;
    region = parsed.region;
  } catch {
    const primary = locale.split(/[-_]/)[0]?.toLowerCase() ?? "";
    language = /^[a-z]{2,3}$/.test(primary) ? primary : "en";
  }
  if (language !== "zh") return language;
  const traditional = script === "Hant" || (!script && (region === "TW" || region === "HK" || region === "MO"));
  return traditional ? "zh-tw" : "zh-cn";
}
