/**
 * The few messages the editor and the collaboration server exchange beside Yjs's own sync (Hocuspocus "stateless"
 * messages, JSON), parsed with zod on arrival in both directions:
 *
 * - server → editor: `saved` after each store, with a snapshot of what it stored (an editor checks its own unsaved
 *   changes against it, deletions included, to say "Saved" only when they are all stored); `not-saved` (the database is down, or a field is invalid);
 *   `moved` (this person's edits now belong to the other text of the article: the live one or its pending update);
 *   `ended` (the session ended or the article is no longer theirs: the editor stops, the text stays on the device).
 * - editor → server: `save`, to store now (a manual save makes a revision; the editor also asks before a status
 *   change, so that publishing publishes what everyone sees).
 */
import * as Y from "yjs";
import { z } from "zod";

const TargetSchema = z.enum(["live", "pending"]);

export const ServerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("saved"), at: z.string(), version: z.number().int(), snapshot: z.string().max(5_000_000) }),
  z.object({
    type: z.literal("not-saved"),
    reason: z.enum(["database", "invalid", "error"]),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ type: z.literal("moved"), target: TargetSchema, message: z.string() }),
  z.object({ type: z.literal("ended"), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

export const ClientMessageSchema = z.object({ type: z.literal("save"), mode: z.enum(["autosave", "manual"]) });
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

function parse<T>(schema: z.ZodType<T>, payload: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const parseServerMessage = (payload: string) => parse(ServerMessageSchema, payload);
export const parseClientMessage = (payload: string) => parse(ClientMessageSchema, payload);

const toBase64 = (bytes: Uint8Array) => {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

/** What a document holds now (its state vector and deletions), for a `saved` message. */
export function encodeSnapshot(doc: Y.Doc): string {
  return toBase64(Y.encodeSnapshot(Y.snapshot(doc)));
}

/** The changes among `updates` that `snapshot` does not hold yet (all of them when it cannot be read). */
export function notIn(snapshot: string, updates: readonly Uint8Array[]): Uint8Array[] {
  let stored: Y.Snapshot;
  try {
    stored = Y.decodeSnapshot(Uint8Array.from(atob(snapshot), (c) => c.charCodeAt(0)));
  } catch {
    return [...updates];
  }
  return updates.filter((update) => !Y.snapshotContainsUpdate(stored, update));
}
