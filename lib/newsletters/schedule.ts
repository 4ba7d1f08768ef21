/** When the daily digest goes out: the configured hour on a day of the site's time zone (DST included). */
import { isoWithOffset, zonedTimeToUtc } from "@/lib/dates";
import type { ReaderText } from "@/lib/i18n/reader-text";

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

/**
 * The day's digest of one language edition, waiting at its slot: "DIGEST:2026-12-05" for the default edition (as
 * before editions), "DIGEST:es:2026-12-05" for another (`listEdition`); its subject in its language.
 */
export function digestFor(language: { id: string; listEdition: string | null; text: ReaderText }, slot: DigestSlot, siteName: string) {
  const dayKey = language.listEdition ? `DIGEST:${language.listEdition}:${slot.day}` : slot.dayKey;
  const subject = language.text.t("nlDigestSubject", { site: siteName, day: slot.day });
  return { kind: "DIGEST" as const, language: language.id, dayKey, subject, status: "SCHEDULED" as const, scheduledFor: slot.at };
}
