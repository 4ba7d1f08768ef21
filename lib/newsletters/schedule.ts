/** When the daily digest goes out: the configured hour on a day of the site's time zone (DST included). */
import { isoWithOffset, zonedTimeToUtc } from "@/lib/dates";

export type DigestSlot = { dayKey: string; day: string; at: Date };

function slotOn(day: string, hour: number, timeZone: string): DigestSlot {
  return { day, dayKey: `DIGEST:${day}`, at: zonedTimeToUtc(`${day}T${String(hour).padStart(2, "0")}:00`, timeZone) };
}

/** The next digest at or after `now`: today's if its hour has not passed in `timeZone`, else tomorrow's. */
export function nextDigestSlot(now: Date, hour: number, timeZone: string): DigestSlot {
  const today = slotOn(isoWithOffset(now, timeZone).slice(0, 10), hour, timeZone);
  if (today.at >= now) return today;
  const [year, month, day] = today.day.split("-").map(Number) as [number, number, number];
  return slotOn(new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10), hour, timeZone);
}
