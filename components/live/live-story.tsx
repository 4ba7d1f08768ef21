"use client";

/**
 * The reader's live updater, only on live stories: the "Key events" list, the "N new updates" button and the
 * entries (pinned first, then newest first), kept current over the story's event stream (app/api/live/[id]).
 *
 * New entries wait behind the button until the reader asks for them, so the page never moves under their eyes;
 * edits and deletions of entries already shown apply at once. The browser reconnects a dropped stream by itself and
 * sends the last event it had (`Last-Event-ID`); the server replays what was missed. When the coverage ends the
 * stream says so: the page stops listening and the LIVE label (LiveLabel, sharing this module's state) goes.
 * Without JavaScript the server's rendering of the same markup is the page, and a reload shows everything.
 */
import { useEffect, useReducer, useSyncExternalStore } from "react";
import { entryAnchor, sortLiveEntries, type LiveEntryView } from "@/lib/live/view";
import { LiveEntry } from "./live-entry";

// Whether the coverage ended while the page was open: one page shows one story.
let hasEnded = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
function markEnded() {
  hasEnded = true;
  for (const listener of listeners) listener();
}

/** The LIVE label, while the coverage is open. */
export function LiveLabel({ isOpen }: { isOpen: boolean }) {
  const ended = useSyncExternalStore(subscribe, () => hasEnded, () => false);
  if (!isOpen || ended) return null;
  return <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white">LIVE</span>;
}

type Props = { storyId: string; seq: number; isOpen: boolean; entries: LiveEntryView[]; pageUrl: string };

type State = { shown: LiveEntryView[]; waiting: LiveEntryView[] };
type Change = { kind: "entry"; entry: LiveEntryView } | { kind: "remove"; id: string } | { kind: "show" };

const replace = (list: LiveEntryView[], entry: LiveEntryView) => list.map((e) => (e.id === entry.id ? entry : e));

function update(state: State, change: Change): State {
  if (change.kind === "show") return { shown: sortLiveEntries([...state.waiting, ...state.shown]), waiting: [] };
  if (change.kind === "remove") return { shown: state.shown.filter((e) => e.id !== change.id), waiting: state.waiting.filter((e) => e.id !== change.id) };
  const { entry } = change;
  // Known (shown or waiting): an edit, applied in place. Otherwise a new entry, behind the button.
  if (state.shown.some((e) => e.id === entry.id)) return { ...state, shown: sortLiveEntries(replace(state.shown, entry)) };
  if (state.waiting.some((e) => e.id === entry.id)) return { ...state, waiting: replace(state.waiting, entry) };
  return { ...state, waiting: [...state.waiting, entry] };
}

export function LiveUpdates({ storyId, seq, isOpen, entries, pageUrl }: Props) {
  const [{ shown, waiting }, dispatch] = useReducer(update, entries, (initial) => ({ shown: sortLiveEntries(initial), waiting: [] }));

  useEffect(() => {
    if (!isOpen) return;
    const source = new EventSource(`/api/live/${encodeURIComponent(storyId)}?after=${seq}`);
    source.addEventListener("entry", (event) => dispatch({ kind: "entry", entry: JSON.parse((event as MessageEvent<string>).data) as LiveEntryView }));
    source.addEventListener("remove", (event) => dispatch({ kind: "remove", id: (JSON.parse((event as MessageEvent<string>).data) as { id: string }).id }));
    source.addEventListener("end", () => {
      source.close();
      markEnded();
    });
    return () => source.close();
  }, [storyId, seq, isOpen]);
  const showWaiting = () => dispatch({ kind: "show" });

  const keyEvents = shown.filter((e) => e.isKeyEvent);
  return (
    <div className="mt-8">
      {keyEvents.length > 0 && (
        <nav aria-labelledby="key-events-heading" className="rounded border border-gray-300 p-4 dark:border-gray-600">
          <h2 id="key-events-heading" className="font-semibold">
            Key events
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {keyEvents.map((e) => (
              <li key={e.id}>
                <a href={`#${entryAnchor(e.id)}`} className="underline-offset-2 hover:underline">
                  <time dateTime={e.postedAt}>{e.postedLabel}</time> {e.title || e.text.slice(0, 90)}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <section aria-labelledby="updates-heading" className="mt-6">
        <h2 id="updates-heading" className="text-sm font-bold uppercase tracking-wide">
          Updates
        </h2>
        <div aria-live="polite" className="sticky top-2 z-10 my-3 text-center">
          {waiting.length > 0 && (
            <button type="button" onClick={showWaiting} className="rounded-full bg-blue-800 px-4 py-1.5 text-sm font-semibold text-white shadow hover:bg-blue-900">
              {waiting.length === 1 ? "1 new update" : `${waiting.length} new updates`}
            </button>
          )}
        </div>
        {shown.length === 0 ? (
          <p className="text-muted">No updates yet.</p>
        ) : (
          <ol className="space-y-6">
            {shown.map((entry) => (
              <li key={entry.id}>
                <LiveEntry entry={entry} pageUrl={pageUrl} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
