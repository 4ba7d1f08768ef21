/**
 * Dates and times as the site shows and exchanges them, in the newsroom's locale and time zone (the site settings).
 *
 * One policy for a setting this runtime does not know: an unknown time zone is read as UTC and an unknown locale as
 * en-US. A reader's page, a feed or a sitemap must never fail on a bad setting; the settings form refuses both at
 * input (lib/validation/admin.ts), so the fallback only covers rows written some other way.
 */

const STYLES = {
  /** "June 16, 2025": bylines and lists. */
  date: { dateStyle: "long" },
  /** "Jun 16, 2025, 9:30 AM": staff tables. */
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** "9:30 AM": a time the same day. */
  time: { timeStyle: "short" },
  /** Every field as two digits, for building ISO strings. */
  parts: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof STYLES, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${locale} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    } catch {
      // A RangeError names neither which setting is wrong nor how: try each on its own and keep what works.
      const zone = isUsable(() => new Intl.DateTimeFormat("en-US", { timeZone })) ? timeZone : "UTC";
      const language = isUsable(() => new Intl.DateTimeFormat(locale)) ? locale : "en-US";
      format = new Intl.DateTimeFormat(language, { ...STYLES[style], timeZone: zone });
    }
    formatters.set(key, format);
  }
  return format;
}

function isUsable(make: () => unknown): boolean {
  try {
    make();
    return true;
  } catch {
    return false;
  }
}

/** Dates as readers see them: "June 16, 2025". */
export function formatPublicDate(date: Date, locale: string, timeZone: string): string {
  return formatter("date", locale, timeZone).format(date);
}

/** A date with its time, for staff pages: "Jun 16, 2025, 9:30 AM". */
export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return formatter("dateTime", locale, timeZone).format(date);
}

/** When something happened, inside a sentence: "at 9:30 AM" the same day in `timeZone`, else "on Jun 16, 2025, 9:30 AM". */
export function formatWhen(date: Date, locale: string, timeZone: string, now = new Date()): string {
  const sameDay = formatPublicDate(date, locale, timeZone) === formatPublicDate(now, locale, timeZone);
  return sameDay ? `at ${formatter("time", locale, timeZone).format(date)}` : `on ${formatDateTime(date, locale, timeZone)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * ISO 8601 with the zone's UTC offset at that instant, to the second ("2026-06-16T09:07:00-06:00"; UTC is "+00:00"),
 * as search engines want for news dates and feeds.
 */
export function isoWithOffset(date: Date, timeZone: string): string {
  const parts: Record<string, number> = {};
  for (const part of formatter("parts", "en-US", timeZone).formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  // The offset is whatever separates that wall-clock reading from the instant itself (DST included).
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - instant) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The UTC instant of a wall-clock time ("2026-06-16T09:30") in `timeZone`, e.g. the newsroom's. */
export function zonedTimeToUtc(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, found by formatting the guess back into the zone (twice, across DST edges).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(isoWithOffset(new Date(guess), timeZone));
    const minutes = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
    guess = asUtc - minutes * 60_000;
  }
  return new Date(guess);
}

/** A Date as the value of <input type="datetime-local"> in `timeZone`. */
export function toLocalInputValue(date: Date, timeZone: string): string {
  return isoWithOffset(date, timeZone).slice(0, 16);
}
