/**
 * Who may be in a shared document, and what happens when that changes (docs/decisions/0015-co-editing.md).
 *
 * - Connecting: the request must come from a page of this site (its Origin), carry a staff session cookie that
 *   verifies, and lib/data must say the article is theirs to edit (shared-access.ts). A refusal is audited and the
 *   editor is told why. Someone whose edits belong to the article's other text (a journalist on a published story
 *   opening its live text) joins read-only and is told where to go.
 * - Every change someone sends is checked before it is applied (their session, the article's status, their role),
 *   so a journalist's keystrokes after the story went live, or anyone's after a deactivation, do not reach the
 *   document. The answer is PostgreSQL's, at most a second old: the sweep (./watch.ts) asks every second for everyone
 *   connected and records it here, so typing costs no query per keystroke (the benchmark's latency budget). Checks of
 *   one connection that overlap share one query; while the database cannot answer, the last answer stands (nobody can
 *   be deactivated meanwhile), and the text is stored once it is back.
 * - Changes refused that way are not thrown away: applied to a copy of the document, they are kept as a revision out
 *   of the main history list ("refused edits").
 */
import type { IncomingHttpHeaders } from "node:http";
import { IncomingMessage, MessageType, type Connection, type Document, type Extension, type beforeHandleMessagePayload, type beforeSyncPayload, type connectedPayload, type onAuthenticatePayload } from "@hocuspocus/server";
import * as Y from "yjs";
import { parseDocumentName, type SharedRef, type SharedTarget } from "@/lib/collab/content";
import { changedFields } from "@/lib/collab/content";
import { readContent } from "@/lib/collab/document";
import type { ServerMessage } from "@/lib/collab/protocol";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { checkCollaborator, recordRefusedCollaboration, type Verdict } from "@/lib/data/articles/shared-access";
import { keepRefusedEdit } from "@/lib/data/articles/shared-store";
import type { SessionUser } from "@/lib/data/types";
import { clientAddress, type TrustedProxies } from "@/lib/security/client-address";
import { findForeignOrigin } from "@/lib/security/request-origin";
import { readSession } from "./session";

/** What a connection carries from its authentication on (Hocuspocus's context). */
export type ConnectionContext = { user: SessionUser; sessionVersion: number; ref: SharedRef; ip: string; /** Their edits go to the other text. */ moved?: SharedTarget };

/** How long a verdict stands for the changes a connection sends (the sweep renews it every second). */
const FRESH_MS = 1_500;

export const send = (connection: Connection, message: ServerMessage) => connection.sendStateless(JSON.stringify(message));

const MOVED: Record<SharedTarget, string> = {
  live: "This story is no longer out: your changes now go to the article itself. Reopening it for you…",
  pending: "This story is now scheduled or published: your changes go to a pending update for an editor to publish. Reopening it for you…",
};

/** Turns a verdict into what the connection may do: read-only and told where to go, or ended. */
export function applyVerdict(connection: Connection, verdict: Verdict): void {
  if (verdict.kind === "write") return;
  const wasReadOnly = connection.readOnly;
  connection.readOnly = true;
  if (verdict.kind === "read") {
    if (!wasReadOnly) send(connection, { type: "moved", target: verdict.expected, message: MOVED[verdict.expected] });
    return;
  }
  const message =
    verdict.kind === "ended"
      ? "Your session has ended. Sign in again; your text is kept on this device."
      : "This article is no longer yours to edit. Your text is kept on this device.";
  send(connection, { type: "ended", message });
  // Give the message a moment to leave before the document is closed for this connection.
  setTimeout(() => connection.close({ code: 4403, reason: verdict.kind === "ended" ? "session-ended" : "forbidden" }), 200);
}

const headersOf = (raw: IncomingHttpHeaders) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return headers;
};

/** Whether a message would change the document (a sync step 2 or an update), as opposed to asking or awareness. */
function isChange(data: Uint8Array): boolean {
  try {
    const message = new IncomingMessage(data);
    message.readVarString();
    const type = message.readVarUint();
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return false;
    return message.readVarUint() !== 0;
  } catch {
    return true;
  }
}

export class Guard implements Extension {
  extensionName = "dateline-guard";
  private readonly checks = new WeakMap<Connection, Promise<Verdict>>();
  private readonly lastVerdicts = new WeakMap<Connection, { verdict: Verdict; at: number }>();
  private readonly refused = new WeakMap<Connection, { updates: Uint8Array[]; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly options: { secret: string; trust: TrustedProxies }) {}

  async onAuthenticate({ request, requestHeaders, documentName, connectionConfig }: onAuthenticatePayload): Promise<ConnectionContext> {
    const ip = clientAddress(request.socket.remoteAddress, requestHeaders["x-forwarded-for"], this.options.trust);
    const ref = parseDocumentName(documentName);
    const refuse = async (reason: string, user: { id: string; email: string } | null = null): Promise<never> => {
      await recordRefusedCollaboration({ user, articleId: ref?.articleId ?? null, document: documentName, reason, ip }).catch(() => undefined);
      throw { reason };
    };
    if (!ref) return refuse("unknown-document");
    if (findForeignOrigin(headersOf(requestHeaders))) return refuse("foreign-origin");
    const claims = await readSession(requestHeaders, this.options.secret);
    if (!claims) return refuse("no-session");
    let verdict: Verdict;
    try {
      verdict = await checkCollaborator({ ...claims, ...ref });
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw { reason: "database-unavailable" };
      throw error;
    }
    if (verdict.kind === "ended") return refuse("session-ended", { id: claims.userId, email: "" });
    if (verdict.kind === "refused") return refuse("not-an-author", verdict.user);
    if (verdict.kind === "read") connectionConfig.readOnly = true;
    return { user: verdict.user, sessionVersion: claims.sessionVersion, ref, ip, ...(verdict.kind === "read" ? { moved: verdict.expected } : {}) };
  }

  async connected({ connection, context }: connectedPayload): Promise<void> {
    const { moved } = context as ConnectionContext;
    if (moved) send(connection, { type: "moved", target: moved, message: MOVED[moved] });
  }

  async beforeHandleMessage({ connection, update }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly || !isChange(update)) return;
    applyVerdict(connection, await this.check(connection));
  }

  /** A verdict from PostgreSQL for this connection (the sweep's, or a check's). */
  remember(connection: Connection, verdict: Verdict): void {
    this.lastVerdicts.set(connection, { verdict, at: Date.now() });
  }

  /** The last answer when it is fresh; else one check for the changes that arrive while it runs (the last answer while the database is down). */
  private check(connection: Connection): Promise<Verdict> {
    const last = this.lastVerdicts.get(connection);
    if (last && Date.now() - last.at < FRESH_MS) return Promise.resolve(last.verdict);
    const running = this.checks.get(connection);
    if (running) return running;
    const { user, sessionVersion, ref } = connection.context as ConnectionContext;
    const check = checkCollaborator({ userId: user.id, sessionVersion, ...ref })
      .then((verdict) => {
        this.remember(connection, verdict);
        return verdict;
      })
      .catch((error: unknown): Verdict => {
        if (!isDatabaseUnavailable(error)) console.error("[collab] could not check a writer", error);
        return this.lastVerdicts.get(connection)?.verdict ?? { kind: "write", user };
      })
      .finally(() => this.checks.delete(connection));
    this.checks.set(connection, check);
    return check;
  }

  /** Changes a read-only connection sent: collected for a moment, then kept as a refused edit if they change anything. */
  async beforeSync({ connection, type, payload, document }: beforeSyncPayload): Promise<void> {
    if (!connection.readOnly || type === 0) return;
    const entry = this.refused.get(connection) ?? { updates: [], timer: setTimeout(() => void this.keepRefused(connection, document), 1_000) };
    entry.updates.push(payload);
    this.refused.set(connection, entry);
  }

  private async keepRefused(connection: Connection, document: Document): Promise<void> {
    const entry = this.refused.get(connection);
    this.refused.delete(connection);
    if (!entry) return;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
    for (const update of entry.updates) Y.applyUpdate(copy, update);
    const theirs = readContent(copy);
    copy.destroy();
    if (changedFields(theirs, readContent(document)).length === 0) return;
    const { user, ref } = connection.context as ConnectionContext;
    await keepRefusedEdit(ref, user, theirs).catch((error: unknown) => console.error("[collab] could not keep a refused edit", error));
  }
}
