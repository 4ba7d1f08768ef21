/** Dates as readers see them: in the site's locale and time zone ("June 16, 2025"). */
export function formatPublicDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date);
}

export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** "Ana Ruiz", "Ana Ruiz and Tomás Herrera", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** ISO 8601 with the site's UTC offset ("2025-06-16T09:30:00-06:00"), as search engines want for news dates. */
export function isoWithOffset(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const zone = get("timeZoneName").replace("GMT", "");
  const offset = zone === "" ? "+00:00" : zone.length === 3 ? `${zone}:00` : zone;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}${offset}`;
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
    const shown = isoWithOffset(new Date(guess), timeZone);
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(shown);
    const minutes = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
    guess = asUtc - minutes * 60_000;
  }
  return new Date(guess);
}

/** A Date as the value of <input type="datetime-local"> in `timeZone`. */
export function toLocalInputValue(date: Date, timeZone: string): string {
  return isoWithOffset(date, timeZone).slice(0, 16);
}
