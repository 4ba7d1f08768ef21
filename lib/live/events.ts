/**
 * The live stream's wire format (Server-Sent Events). Each frame carries the story's event number as its `id`, which
 * the browser sends back as `Last-Event-ID` when it reconnects:
 *   event: entry   data: a LiveEntryView (posted, or edited: the reader's page replaces it by id)
 *   event: remove  data: { id }          (deleted)
 *   event: end     data: {}              (the coverage ended or the story left the site: the page stops listening)
 */
import type { LiveChange } from "@/lib/data/live/public";
import { toLiveEntryView, type LiveFormat } from "./view";

export type LiveFrame = { seq: number; bytes: Uint8Array };

const encoder = new TextEncoder();

/** What the browser waits before reconnecting a dropped stream. */
export const RETRY_MS = 2_000;
export const HEARTBEAT = encoder.encode(": keep-alive\n\n");
export const OPENING = encoder.encode(`retry: ${RETRY_MS}\n\n`);

function frame(seq: number, event: string, data: unknown): LiveFrame {
  // JSON has no raw newline, so one `data:` line carries it.
  return { seq, bytes: encoder.encode(`id: ${seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`) };
}

export function encodeChanges(changes: LiveChange[], settings: LiveFormat): LiveFrame[] {
  return changes.map((change) => (change.kind === "entry" ? frame(change.entry.seq, "entry", toLiveEntryView(change.entry, settings)) : frame(change.seq, "remove", { id: change.id })));
}

export function encodeEnd(seq: number): Uint8Array {
  return frame(seq, "end", {}).bytes;
}
