/**
 * A live entry as readers get it, on the page and in the event stream alike: the same shape renders the server's
 * HTML and the reader's client update (components/live/live-entry.tsx), so an entry looks the same either way. Its
 * times are formatted here, in its edition's locale and language and the newsroom's time zone, never in the
 * reader's browser.
 */
import type { LiveEntryRow } from "@/lib/data/live/public";
import { isoWithOffset } from "@/lib/dates";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export type LiveEntryView = {
  id: string;
  seq: number;
  title: string;
  /** Sanitized on the server (lib/content/document.ts). */
  html: string;
  text: string;
  postedAt: string;
  postedLabel: string;
  /** "Updated HH:MM" in the edition's language, when the entry was edited after it was posted. */
  editedLabel: string | null;
  isKeyEvent: boolean;
  isPinned: boolean;
  authors: { name: string; slug: string }[];
};

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "14:05" in the newsroom's zone (an unknown zone or locale reads as UTC / en-GB, as lib/dates does). */
export function liveTime(date: Date, locale: string, timeZone: string): string {
  const key = `${locale} ${timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
    } catch {
      format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
    }
    timeFormats.set(key, format);
  }
  return format.format(date);
}

/** How a story's entries are written: its edition's locale and words (English by default), the site's time zone. */
export type LiveFormat = { locale: string; timeZone: string; text?: ReaderText };

export function toLiveEntryView(row: LiveEntryRow, settings: LiveFormat): LiveEntryView {
  const { text = ENGLISH_TEXT } = settings;
  return {
    id: row.id,
    seq: row.seq,
    title: row.title,
    html: row.bodyHtml,
    text: row.bodyText,
    postedAt: isoWithOffset(row.postedAt, settings.timeZone),
    postedLabel: liveTime(row.postedAt, settings.locale, settings.timeZone),
    editedLabel: row.editedAt ? text.t("liveEdited", { time: liveTime(row.editedAt, settings.locale, settings.timeZone) }) : null,
    isKeyEvent: row.isKeyEvent,
    isPinned: row.isPinned,
    authors: row.authors.map((a) => a.user),
  };
}

/** The reading order: pinned entries first, then newest first (each group newest first). */
export function sortLiveEntries<T extends Pick<LiveEntryView, "isPinned" | "postedAt" | "seq">>(entries: T[]): T[] {
  const time = (e: T) => Date.parse(e.postedAt);
  return [...entries].sort((a, b) => Number(b.isPinned) - Number(a.isPinned) || time(b) - time(a) || b.seq - a.seq);
}

/** An entry's anchor on the story's page. */
export const entryAnchor = (id: string) => `entry-${id}`;
