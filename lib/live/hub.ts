/**
 * The process's live streams: every reader's open event stream (app/api/live/[id]/route.ts) registers here, by story.
 *
 * How an entry reaches them, on whichever instance it was posted: the change's transaction NOTIFYs on the cache
 * channel with `{ live: storyId, seq }` (lib/data/live/entries.ts), the process's one LISTEN connection
 * (cache-handlers/listener.cjs) hands it to this hub, and the hub reads what changed since the last event it knew of
 * ONCE for all of that story's streams here, formats it once, and writes the same bytes to each. A lost LISTEN
 * connection is caught up on reconnect the same way; a reader's own lost connection is caught up by its browser's
 * `Last-Event-ID` (the stream's replay). docs/decisions/0020-live-coverage.md.
 */
import "server-only";
import { sharedListener } from "@/cache-handlers/listener.cjs";
import { getEnv } from "@/lib/env";
import { getLiveStreamState, listLiveChangesSince, type LiveStreamState } from "@/lib/data/live/public";
import { getSiteSettings } from "@/lib/data/settings";
import { editionLocale, readerText } from "@/lib/i18n/reader-text";
import { encodeChanges, encodeEnd, HEARTBEAT, type LiveFrame } from "./events";
import type { LiveFormat } from "./view";

/** A reader's open stream: `write` sends bytes, `close` ends it. */
export type LiveStream = { write(bytes: Uint8Array): void; close(): void };

/** A stream as the hub holds it: the last event it got, and frames held back while its replay is being read. */
type Subscriber = { stream: LiveStream; lastSeq: number; held: LiveFrame[] | null };
type Story = { subscribers: Set<Subscriber>; seq: number; dirty: boolean; pending: Promise<void> | null };
type Hub = { stories: Map<string, Story>; unsubscribe: (() => void) | null; heartbeat: NodeJS.Timeout | null };

const HEARTBEAT_MS = 15_000;
// One hub per process, whichever bundle copy of this module asks (as the cache channel's registry does).
const HUB = Symbol.for("dateline.liveHub");
const hub: Hub = ((globalThis as Record<symbol, unknown>)[HUB] ??= { stories: new Map(), unsubscribe: null, heartbeat: null }) as Hub;

/** A story's entries in its edition's language and locale (a story gone from the site has no entries to write). */
function storyFormat(state: LiveStreamState | null, settings: { locale: string; timeZone: string }): LiveFormat {
  if (!state) return settings;
  const locale = editionLocale(state.edition, settings.locale);
  return { locale, timeZone: settings.timeZone, text: readerText({ ...state.edition, locale }) };
}

function send(subscriber: Subscriber, frames: LiveFrame[]) {
  for (const frame of frames) {
    if (frame.seq <= subscriber.lastSeq) continue;
    subscriber.lastSeq = frame.seq;
    subscriber.stream.write(frame.bytes);
  }
}

function deliver(story: Story, frames: LiveFrame[]) {
  for (const subscriber of story.subscribers) {
    if (subscriber.held) subscriber.held.push(...frames);
    else send(subscriber, frames);
  }
}

function endStory(articleId: string, story: Story, seq: number) {
  const bytes = encodeEnd(seq);
  for (const { stream, held } of story.subscribers) {
    // A stream still reading its replay finds the coverage ended itself.
    if (held) continue;
    stream.write(bytes);
    stream.close();
  }
  story.subscribers.clear();
  hub.stories.delete(articleId);
  stopWhenIdle();
}

/** Reads and sends what changed on a story since the hub's last event; changes that arrive meanwhile share a rerun. */
function refresh(articleId: string) {
  const story = hub.stories.get(articleId);
  if (!story) return;
  story.dirty = true;
  story.pending ??= (async () => {
    while (story.dirty) {
      story.dirty = false;
      const [changes, state, settings] = await Promise.all([listLiveChangesSince(articleId, story.seq), getLiveStreamState(articleId), getSiteSettings()]);
      const frames = encodeChanges(changes, storyFormat(state, settings));
      story.seq = Math.max(story.seq, ...frames.map((f) => f.seq));
      deliver(story, frames);
      if (!state?.isOpen) endStory(articleId, story, state?.seq ?? story.seq);
    }
  })()
    .catch((error: unknown) => console.error("[dateline] live stream refresh failed", error))
    .finally(() => {
      story.pending = null;
    });
}

function start() {
  if (hub.unsubscribe) return;
  hub.unsubscribe = sharedListener(getEnv().databaseUrl).subscribe({
    onNotification(payload) {
      if (typeof payload.live === "string") refresh(payload.live);
    },
    // Whatever was posted while the LISTEN connection was down.
    onConnect() {
      for (const articleId of hub.stories.keys()) refresh(articleId);
    },
  });
  hub.heartbeat = setInterval(() => {
    for (const story of hub.stories.values()) for (const { stream } of story.subscribers) stream.write(HEARTBEAT);
  }, HEARTBEAT_MS);
  hub.heartbeat.unref();
}

function stopWhenIdle() {
  if (hub.stories.size > 0) return;
  hub.unsubscribe?.();
  hub.unsubscribe = null;
  clearInterval(hub.heartbeat ?? undefined);
  hub.heartbeat = null;
}

/**
 * Opens a stream on a story after event `since`: first the replay of what the reader missed, then live frames. Frames
 * the hub reads while the replay is being read are held behind it, so none is lost, repeated or sent out of order.
 * When the story has no open coverage, the replay and the end are written and the stream closed. Returns `leave`.
 */
export async function openLiveStream(articleId: string, since: number, stream: LiveStream): Promise<() => void> {
  start();
  let story = hub.stories.get(articleId);
  if (!story) {
    // The hub reads this story's changes from here on; its first refresh may repeat part of this replay (skipped).
    story = { subscribers: new Set(), seq: since, dirty: false, pending: null };
    hub.stories.set(articleId, story);
  }
  const subscriber: Subscriber = { stream, lastSeq: since, held: [] };
  story.subscribers.add(subscriber);
  const joined = story;
  const leave = () => {
    joined.subscribers.delete(subscriber);
    if (joined.subscribers.size === 0 && hub.stories.get(articleId) === joined) {
      hub.stories.delete(articleId);
      stopWhenIdle();
    }
  };
  try {
    const [changes, state, settings] = await Promise.all([listLiveChangesSince(articleId, since), getLiveStreamState(articleId), getSiteSettings()]);
    send(subscriber, encodeChanges(changes, storyFormat(state, settings)));
    const held = subscriber.held ?? [];
    subscriber.held = null;
    send(subscriber, held.sort((a, b) => a.seq - b.seq));
    if (!state?.isOpen || !joined.subscribers.has(subscriber)) {
      stream.write(encodeEnd(Math.max(subscriber.lastSeq, state?.seq ?? 0)));
      stream.close();
      leave();
    }
    return leave;
  } catch (error) {
    leave();
    throw error;
  }
}

/** How many streams this process holds open. */
export function countLiveStreams(): number {
  let count = 0;
  for (const story of hub.stories.values()) count += story.subscribers.size;
  return count;
}
