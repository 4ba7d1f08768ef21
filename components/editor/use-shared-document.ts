"use client";

/**
 * The article's shared document in this browser (docs/decisions/0015-co-editing.md): one Y.Doc, its copy on this
 * device (IndexedDB, so typing goes on offline and a reload or a closed tab loses nothing), and the connection to the
 * collaboration server at /collab on this site, which merges everyone's changes and stores them.
 *
 * - The document is editable once it has come from the server, now or on an earlier visit (its copy here says so):
 *   a browser never starts a document of its own, which would merge with the server's into two copies.
 * - "Saved" is said only when a store the server reports holds every change made here (deletions too): the changes
 *   are kept until a `saved` message's snapshot contains them. What the copy on this device brought back counts as
 *   unsaved until then as well.
 * - When the copy on this device held changes the server did not have (typed offline, or before a reload the server
 *   never saw), `restored` says so; they are merged and stored like any other change.
 * - `flush` asks the server to store now and waits until that store holds what this editor shows: before a status
 *   change (so publishing publishes what everyone sees) and for a manual save (which makes a revision).
 * - `moved`: this person's edits now belong to the article's other text (a journalist whose story went out): the page
 *   reloads onto it. `ended`: the session is over or the article is no longer theirs; the editor stops.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { useCallback, useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { COLLAB_PATH, documentName, type SharedRef } from "@/lib/collab/content";
import { isInitialized } from "@/lib/collab/document";
import { notIn, parseServerMessage, type ServerMessage } from "@/lib/collab/protocol";
import { normalizeErrors, withoutKeys, type FieldErrors } from "./field-errors";
import { saveStatusOf, type SyncFacts } from "./sync-status";

const ENDED = "Your session has ended. Sign in again; your text is kept on this device.";
const REFUSALS: Record<string, string> = {
  "session-ended": ENDED,
  "no-session": ENDED,
  "not-an-author": "This article is not yours to edit any more. Your text is kept on this device.",
};
const DATABASE_DOWN = "Not saved: the database is not answering. Your changes are kept on this device; trying again shortly.";

const collabUrl = () => `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}${COLLAB_PATH}`;

const INITIAL: SyncFacts = { ready: false, connection: "connecting", unsaved: false, savedAt: null, notSaved: null, ended: null };

export function useSharedDocument(ref: SharedRef) {
  const name = documentName(ref);
  const [doc] = useState(() => new Y.Doc());
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  const [facts, setFacts] = useState<SyncFacts>(INITIAL);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [moved, setMoved] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const unsaved = useRef<Uint8Array[]>([]);
  /** Something was changed in this editor (stored or not). */
  const editedHere = useRef(false);
  const providerRef = useRef<HocuspocusProvider | null>(null);
  const listeners = useRef(new Set<(message: ServerMessage) => void>());
  /** Waiting for the connection to be up and in sync (a status change made while the page is still connecting). */
  const syncWaiters = useRef(new Set<() => void>());

  const patch = useCallback((next: Partial<SyncFacts>) => {
    setFacts((prev) => ((Object.keys(next) as (keyof SyncFacts)[]).every((key) => prev[key] === next[key]) ? prev : { ...prev, ...next }));
  }, []);

  useEffect(() => {
    const persistence = new IndexeddbPersistence(name, doc);
    let current: HocuspocusProvider | null = null;
    // Reconnects soon after a loss, and keeps trying every few seconds at most (a writer waits for it).
    const socket = new HocuspocusProviderWebsocket({ url: collabUrl(), autoConnect: false, delay: 500, minDelay: 250, maxDelay: 4_000 });
    let disposed = false;
    /** The session ended or the article is no longer theirs: no more reconnecting. */
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    /** The copy this device kept, until the server's first word on what it has stored. */
    let kept: Uint8Array | null = null;

    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === current || origin === persistence) return;
      editedHere.current = true;
      unsaved.current.push(update);
      if (unsaved.current.length > 200) unsaved.current = [Y.mergeUpdates(unsaved.current)];
      patch({ unsaved: true });
    };
    doc.on("update", onUpdate);

    const onServer = (message: ServerMessage) => {
      if (message.type === "saved") {
        if (kept && notIn(message.snapshot, [kept]).length > 0) setRestored(true);
        kept = null;
        unsaved.current = notIn(message.snapshot, unsaved.current);
        const stillUnsaved = unsaved.current.length > 0;
        patch({ unsaved: stillUnsaved, notSaved: null, ...(stillUnsaved ? {} : { savedAt: new Date(message.at) }) });
        if (!stillUnsaved) setFieldErrors((prev) => (Object.keys(prev).length === 0 ? prev : {}));
      } else if (message.type === "not-saved") {
        patch({ notSaved: { reason: message.reason, message: message.message } });
        if (message.fieldErrors) setFieldErrors(normalizeErrors(message.fieldErrors));
      } else if (message.type === "moved") {
        setMoved(message.message);
        // A moment for this editor's own changes to reach the server, which keeps them as a refused edit.
        setTimeout(() => void persistence.clearData().finally(() => window.location.reload()), 1_500);
      } else {
        patch({ ended: message.message });
        stopped = true;
        socket.disconnect();
      }
      for (const listener of listeners.current) listener(message);
    };

    void persistence.whenSynced.then(() => {
      if (disposed) return;
      if (isInitialized(doc)) {
        // What this device kept is unsaved until a store holds it (usually at once: it is what the server has).
        kept = Y.encodeStateAsUpdate(doc);
        unsaved.current.push(kept);
        patch({ ready: true, unsaved: true });
      }
      current = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        // The session cookie authenticates the connection; Hocuspocus still sends a token message.
        token: "session-cookie",
        onSynced: () => {
          patch({ ready: isInitialized(doc), connection: "online" });
          for (const wake of syncWaiters.current) wake();
        },
        onStatus: ({ status }) => {
          if (status === "disconnected") patch({ connection: "offline" });
        },
        onAuthenticationFailed: ({ reason }) => {
          if (reason === "database-unavailable") {
            patch({ notSaved: { reason: "database", message: DATABASE_DOWN } });
            retry = setTimeout(() => {
              socket.disconnect();
              void socket.connect();
            }, 3_000);
            return;
          }
          patch({ ended: REFUSALS[reason] ?? REFUSALS["not-an-author"] ?? ENDED });
          stopped = true;
          socket.disconnect();
        },
        onStateless: ({ payload }) => {
          const message = parseServerMessage(payload);
          if (message) onServer(message);
        },
      });
      current.attach();
      void socket.connect();
      providerRef.current = current;
      setProvider(current);
    });

    // The browser says the network is gone: say so at once, and reconnect as soon as it is back.
    const offline = () => {
      patch({ connection: "offline" });
      socket.disconnect();
    };
    const online = () => void (current && !stopped && socket.connect());
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      disposed = true;
      clearTimeout(retry);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      doc.off("update", onUpdate);
      current?.destroy();
      socket.destroy();
      void persistence.destroy();
      providerRef.current = null;
      setProvider(null);
    };
  }, [doc, name, patch]);

  /** Resolves true once the connection is up and in sync (at once when it is), false after `ms`. */
  const whenSynced = useCallback(
    (ms: number) =>
      new Promise<boolean>((resolve) => {
        if (providerRef.current?.isSynced) return resolve(true);
        const wake = () => {
          clearTimeout(timer);
          syncWaiters.current.delete(wake);
          resolve(providerRef.current?.isSynced ?? false);
        };
        const timer = setTimeout(wake, ms);
        syncWaiters.current.add(wake);
      }),
    [],
  );

  /**
   * Asks the server to store now; true once a store holds everything shown here, the others' changes that arrived
   * included (a status change then acts on what everyone sees, not on the last debounced store); false after 15 s or
   * a failure.
   */
  const flush = useCallback(
    (mode: "autosave" | "manual") =>
      new Promise<boolean>((resolve) => {
        const pending = [Y.encodeStateAsUpdate(doc)];
        const current = providerRef.current;
        if (!current?.isSynced) return resolve(false);
        const done = (ok: boolean) => {
          clearTimeout(timer);
          listeners.current.delete(listener);
          resolve(ok);
        };
        const listener = (message: ServerMessage) => {
          if (message.type === "saved" && notIn(message.snapshot, pending).length === 0) done(true);
          else if (message.type === "not-saved" || message.type === "ended") done(false);
        };
        const timer = setTimeout(() => done(false), 15_000);
        listeners.current.add(listener);
        current.sendStateless(JSON.stringify({ type: "save", mode }));
      }),
    [doc],
  );

  const clearFieldErrors = useCallback((keys: string[]) => setFieldErrors((prev) => withoutKeys(prev, keys)), []);

  const dismissRestored = useCallback(() => setRestored(false), []);

  /** Nothing was typed here, and this device holds nothing the server has not stored (a blank draft may go). */
  const untouched = useCallback(() => !editedHere.current && unsaved.current.length === 0, []);

  return { doc, provider, facts, status: saveStatusOf(facts), fieldErrors, clearFieldErrors, moved, restored, dismissRestored, whenSynced, flush, untouched, readOnly: !facts.ready || facts.ended !== null || moved !== null };
}

export type SharedDocument = ReturnType<typeof useSharedDocument>;
