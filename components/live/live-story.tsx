/**
 * The reader's live coverage, only on live stories: the "Key events" list, the "N new updates" button and the
 * entries (pinned first, then newest first). Server markup: reader pages run no React in the browser (decision
 * 0022), so public/live.js keeps it current over the story's event stream (app/api/live/[id]), filling the
 * <template>s rendered here from the same components as the server's entries.
 *
 * New entries wait behind the button until the reader asks for them, so the page never moves under their eyes;
 * edits and deletions of entries already shown apply at once. The browser reconnects a dropped stream by itself and
 * sends the last event it had (`Last-Event-ID`); the server replays what was missed. When the coverage ends the
 * stream says so: the page stops listening and the LIVE label goes. Without JavaScript the server's rendering is the
 * page, and a reload shows everything.
 *
 * Every word is the edition's (`text`). The script writes a few itself, so the page hands them to it in the edition's
 * language, with `{count}`, `{time}` and `{names}` left for it to fill: on the button (one and other, picked by the
 * page's `lang`) and on the entry template.
 */
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { entryAnchor, sortLiveEntries, type LiveEntryView } from "@/lib/live/view";
import { ENTRY_CLASSES, LiveEntry } from "./live-entry";

/** The LIVE label, while the coverage is open (public/live.js removes it when the coverage ends). */
export function LiveLabel({ isOpen, text = ENGLISH_TEXT }: { isOpen: boolean; text?: ReaderText }) {
  if (!isOpen) return null;
  return (
    <span data-live-label="" className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white">
      {text.t("live")}
    </span>
  );
}

type Props = { storyId: string; seq: number; isOpen: boolean; entries: LiveEntryView[]; pageUrl: string; text?: ReaderText };

/** An entry's line in "Key events". */
function KeyEventLink({ entry }: { entry: Pick<LiveEntryView, "id" | "postedAt" | "postedLabel" | "title" | "text"> }) {
  return (
    <a href={`#${entryAnchor(entry.id)}`} className="underline-offset-2 hover:underline">
      <time dateTime={entry.postedAt}>{entry.postedLabel}</time> <span data-slot="summary">{entry.title || entry.text.slice(0, 90)}</span>
    </a>
  );
}

// The templates' content: valid markup (a parseable time) that the script overwrites.
const EMPTY: LiveEntryView = { id: "", seq: 0, title: "", html: "", text: "", postedAt: "1970-01-01T00:00:00Z", postedLabel: "00:00", editedLabel: null, isKeyEvent: false, isPinned: false, authors: [] };

/** What public/live.js needs to order an entry among the others, on its list item. */
const order = (entry: LiveEntryView) => ({ "data-entry": entry.id, "data-seq": entry.seq, "data-posted": entry.postedAt, "data-pinned": entry.isPinned ? "" : undefined });

export function LiveUpdates({ storyId, seq, isOpen, entries, pageUrl, text = ENGLISH_TEXT }: Props) {
  const shown = sortLiveEntries(entries);
  const keyEvents = shown.filter((e) => e.isKeyEvent);
  return (
    <div className="mt-8" data-live-story={storyId} data-live-seq={seq} data-live-open={isOpen ? "" : undefined} data-live-url={pageUrl}>
      <nav aria-labelledby="key-events-heading" hidden={keyEvents.length === 0} className="rounded border border-gray-300 p-4 dark:border-gray-600">
        <h2 id="key-events-heading" className="font-semibold">
          {text.t("liveKeyEvents")}
        </h2>
        <ol data-live-key-events="" className="mt-2 space-y-1 text-sm">
          {keyEvents.map((e) => (
            <li key={e.id} data-entry={e.id}>
              <KeyEventLink entry={e} />
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="updates-heading" className="mt-6">
        <h2 id="updates-heading" className="text-sm font-bold uppercase tracking-wide">
          {text.t("liveUpdates")}
        </h2>
        <div aria-live="polite" className="sticky top-2 z-10 my-3 text-center">
          <button
            type="button"
            hidden
            data-live-show=""
            data-one={text.t("liveNewUpdatesOne", { count: "{count}" })}
            data-other={text.t("liveNewUpdatesOther", { count: "{count}" })}
            className="rounded-full bg-blue-800 px-4 py-1.5 text-sm font-semibold text-white shadow hover:bg-blue-900" />
        </div>
        <p data-live-empty="" hidden={shown.length > 0} className="text-muted">
          {text.t("liveNoUpdates")}
        </p>
        <ol data-live-list="" className="space-y-6">
          {shown.map((entry) => (
            <li key={entry.id} {...order(entry)}>
              <LiveEntry entry={entry} pageUrl={pageUrl} text={text} />
            </li>
          ))}
        </ol>
      </section>
      {isOpen && (
        <>
          <template data-live-template="entry" data-key-class={ENTRY_CLASSES.key} data-plain-class={ENTRY_CLASSES.plain} data-title-class={ENTRY_CLASSES.title} data-untitled-class={ENTRY_CLASSES.untitled}
            data-untitled={text.t("liveUntitled", { time: "{time}" })}
            data-byline={text.t("liveByline", { names: "{names}" })}
          >
            <li>
              <LiveEntry entry={EMPTY} pageUrl={pageUrl} text={text} />
            </li>
          </template>
          <template data-live-template="key-event">
            <li>
              <KeyEventLink entry={EMPTY} />
            </li>
          </template>
        </>
      )}
    </div>
  );
}
