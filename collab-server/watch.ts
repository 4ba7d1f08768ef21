/**
 * Once a second, for everyone connected to this server: is their session still good, is the article still theirs,
 * and do their edits still belong to this text (lib/data/articles/shared-access.ts)? A deactivated or signed-out
 * person is disconnected, a demoted one or a journalist whose story went out is moved to the right text. Open
 * documents whose article changed outside the session (a restore, a published or discarded update, a status change)
 * are stored at once, which takes that change in. Every few seconds the open documents are marked open, so that a
 * REST save does not write under a live session.
 */
import type { Connection, Document, Hocuspocus } from "@hocuspocus/server";
import { parseDocumentName, type SharedRef } from "@/lib/collab/content";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { checkCollaborators, markSharedDocumentsOpen } from "@/lib/data/articles/shared-access";
import { findOutsideChanges } from "@/lib/data/articles/shared-store";
import type { Documents } from "./documents";
import { applyVerdict, type ConnectionContext, type Guard } from "./guard";

const TICK_MS = 1_000;
/** How long a mark of "open" lasts; renewed every OPEN_EVERY ticks. */
const OPEN_FOR_MS = 15_000;
const OPEN_EVERY = 5;

async function sweep(instance: Hocuspocus, documents: Documents, guard: Guard, markOpen: boolean): Promise<void> {
  const connections: Connection[] = [];
  const open: { ref: SharedRef; document: Document }[] = [];
  for (const document of instance.documents.values()) {
    const ref = parseDocumentName(document.name);
    if (ref) open.push({ ref, document });
    connections.push(...document.getConnections());
  }
  const verdicts = await checkCollaborators(
    connections.map((connection) => {
      const { user, sessionVersion, ref } = connection.context as ConnectionContext;
      return { userId: user.id, sessionVersion, ...ref };
    }),
  );
  connections.forEach((connection, i) => {
    const verdict = verdicts[i] ?? { kind: "ended" };
    guard.remember(connection, verdict);
    applyVerdict(connection, verdict);
  });
  const stale = await findOutsideChanges(open.map((o) => o.ref));
  for (const ref of stale) {
    const document = open.find((o) => o.ref.articleId === ref.articleId && o.ref.target === ref.target)?.document;
    if (document) void documents.storeSoon(document, true);
  }
  if (markOpen) {
    const inUse = open.filter((o) => o.document.getConnectionsCount() > 0).map((o) => o.ref);
    await markSharedDocumentsOpen(inUse, new Date(Date.now() + OPEN_FOR_MS));
  }
}

/** Starts the sweeps; returns the function that stops them. */
export function startWatch(instance: Hocuspocus, documents: Documents, guard: Guard): () => void {
  let tick = 0;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep(instance, documents, guard, tick++ % OPEN_EVERY === 0)
      .catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) console.error("[collab] sweep failed", error);
      })
      .finally(() => (running = false));
  }, TICK_MS);
  return () => clearInterval(timer);
}
