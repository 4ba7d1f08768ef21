/**
 * Loading and storing shared documents (lib/data/articles/shared-store.ts does the PostgreSQL part), and telling the
 * editors how that went (lib/collab/protocol.ts).
 *
 * - Stores are debounced by Hocuspocus (2 s after the last change, at most every 10 s while typing goes on), run at
 *   once when an editor asks (a manual save, or before a status change) and when the last writer leaves (which closes
 *   the writing session window).
 * - Who contributed is known here: each change arrives from a connection, whose person is in its context, and the
 *   choices (tags, byline…) it touched are in the transaction. Those people are handed to the store.
 * - Changes that come from another server through Redis are stored here too. Each store merges what is already stored,
 *   so two servers storing is harmless, and if the other server dies before it stores, its writers' text is not lost.
 * - When a store fails (the database is down), the editors are told, the document stays in memory and the store is
 *   tried again every couple of seconds until it succeeds.
 */
import type { Schema } from "@tiptap/pm/model";
import { Connection, type Document, type Extension, type Hocuspocus, type connectedPayload, type onChangePayload, type onConfigurePayload, type onDisconnectPayload, type onLoadDocumentPayload, type onStatelessPayload, type onStoreDocumentPayload, type afterUnloadDocumentPayload } from "@hocuspocus/server";
import type { Transaction } from "yjs";
import { parseDocumentName } from "@/lib/collab/content";
import { choicesOf, documentAccess, type SharedDocumentAccess } from "@/lib/collab/document";
import { encodeSnapshot, parseClientMessage, type ServerMessage } from "@/lib/collab/protocol";
import { isDatabaseUnavailable, NotFoundError } from "@/lib/data/errors";
import { openSharedDocument, storeSharedDocument, type Contribution, type StoreOutcome } from "@/lib/data/articles/shared-store";
import type { SessionUser } from "@/lib/data/types";
import { send, type ConnectionContext } from "./guard";

/** The origin of the server's own writes into a document (loading, changes made outside the session). */
const SERVER = Symbol("dateline.collab-server");
/** @hocuspocus/extension-redis's origin for changes that arrive from another server. */
const REDIS_ORIGIN = "__hocuspocus__redis__origin__";

type Tracked = {
  contributors: Map<string, { user: SessionUser; changed: Set<string> }>;
  manual: boolean;
  /** What the last store (or the load) holds, for editors who connect after it. */
  stored: Extract<ServerMessage, { type: "saved" }>;
};

export class Documents implements Extension {
  extensionName = "dateline-documents";
  private instance!: Hocuspocus;
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly schema: Schema) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  /** Access for the data layer that remembers what it encoded: the snapshot of exactly what was stored. */
  private access(document: Document): { access: SharedDocumentAccess; snapshot: () => string } {
    const base = documentAccess(document, this.schema, SERVER);
    let snapshot: string | null = null;
    const encode = () => {
      snapshot = encodeSnapshot(document);
      return base.encode();
    };
    return { access: { ...base, encode }, snapshot: () => snapshot ?? encodeSnapshot(document) };
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const ref = parseDocumentName(documentName);
    if (!ref) throw new Error(`No such document: ${documentName}`);
    const { access, snapshot } = this.access(document);
    const opened = await openSharedDocument(ref, access);
    const stored = { type: "saved", at: opened.at.toISOString(), version: opened.version, snapshot: snapshot() } as const;
    this.tracked.set(documentName, { contributors: new Map(), manual: false, stored });
    document.on("afterTransaction", (transaction: Transaction) => this.track(documentName, transaction));
  }

  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    const tracked = this.tracked.get(documentName);
    if (tracked) send(connection, tracked.stored);
  }

  /** Who changed the document, and which choices they made, since the last store. */
  private track(documentName: string, transaction: Transaction): void {
    if (!(transaction.origin instanceof Connection)) return;
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
    const tracked = this.tracked.get(documentName);
    const { user } = transaction.origin.context as ConnectionContext;
    if (!tracked || !user) return;
    const entry = tracked.contributors.get(user.id) ?? { user, changed: new Set<string>() };
    const choices: unknown = choicesOf(transaction.doc);
    for (const [type, keys] of transaction.changed) if (type === choices) for (const key of keys) if (key) entry.changed.add(key);
    // Re-inserted so that the last writer is last.
    tracked.contributors.delete(user.id);
    tracked.contributors.set(user.id, entry);
  }

  async onChange({ document, transactionOrigin }: onChangePayload): Promise<void> {
    if (transactionOrigin === REDIS_ORIGIN) void this.storeSoon(document, false);
  }

  async onStateless({ connection, document, payload }: onStatelessPayload): Promise<void> {
    const message = parseClientMessage(payload);
    const tracked = this.tracked.get(document.name);
    if (!message || !tracked || connection.readOnly) return;
    if (message.mode === "manual") {
      tracked.manual = true;
      // Whoever saves by hand is the author of the revision it makes.
      const { user } = connection.context as ConnectionContext;
      const entry = tracked.contributors.get(user.id) ?? { user, changed: new Set<string>() };
      tracked.contributors.delete(user.id);
      tracked.contributors.set(user.id, entry);
    }
    await this.storeSoon(document, true);
  }

  async onDisconnect({ document }: onDisconnectPayload): Promise<void> {
    // The last writer left: store now, which closes the writing session window with a revision.
    if (document.getConnectionsCount() === 0) void this.storeSoon(document, true);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    if (!this.instance.documents.has(documentName)) this.tracked.delete(documentName);
  }

  /** Schedules a store through Hocuspocus's debouncer (`now`: at once), so stores of one document never overlap. */
  storeSoon(document: Document, now: boolean): Promise<unknown> {
    const payload = { instance: this.instance, document, documentName: document.name, clientsCount: document.getConnectionsCount(), context: {}, requestHeaders: {}, requestParameters: new URLSearchParams(), socketId: "" };
    return this.instance.storeDocumentHooks(document, payload, now) ?? Promise.resolve();
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const ref = parseDocumentName(documentName);
    const tracked = this.tracked.get(documentName);
    if (!ref || !tracked) return;
    const contributors = tracked.contributors;
    const contributions: Contribution[] = [...contributors.values()].map((c) => ({ user: c.user, changed: [...c.changed] }));
    const mode = tracked.manual ? "manual" : "autosave";
    tracked.contributors = new Map();
    tracked.manual = false;
    const { access, snapshot } = this.access(document);
    let outcome: StoreOutcome;
    try {
      outcome = await storeSharedDocument(ref, { access, contributions, mode, closing: document.getConnectionsCount() === 0 });
    } catch (error) {
      if (error instanceof NotFoundError) return this.closeDeleted(document);
      // Keep who wrote what for the next attempt, say so, and try again shortly: the document stays in memory.
      for (const [id, entry] of contributors) if (!tracked.contributors.has(id)) tracked.contributors.set(id, entry);
      tracked.manual ||= mode === "manual";
      const down = isDatabaseUnavailable(error);
      if (!down) console.error(`[collab] could not store ${documentName}`, error);
      const why = down ? "the database is not answering" : "the server had a problem";
      this.broadcast(document, { type: "not-saved", reason: down ? "database" : "error", message: `Not saved: ${why}. Your changes are kept on this device; trying again shortly.` });
      void this.storeSoon(document, false);
      return;
    }
    if (outcome.kind === "invalid") {
      this.broadcast(document, { type: "not-saved", reason: "invalid", message: `Not saved: ${outcome.message}`, fieldErrors: outcome.fieldErrors });
    } else if (outcome.kind !== "orphaned") {
      tracked.stored = { type: "saved", at: outcome.at.toISOString(), version: outcome.version, snapshot: snapshot() };
      this.broadcast(document, tracked.stored);
    }
  }

  /** The article was deleted while it was open: its editors stop (their text stays on their devices). */
  private closeDeleted(document: Document): void {
    for (const connection of document.getConnections()) {
      send(connection, { type: "ended", message: "This article was deleted. Your text is kept on this device." });
      connection.close({ code: 4404, reason: "deleted" });
    }
  }

  private broadcast(document: Document, message: ServerMessage): void {
    document.broadcastStateless(JSON.stringify(message));
  }
}
