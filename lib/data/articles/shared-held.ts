/**
 * Changes to a released story's live text from people who may not save it live (decision 0014 and 0015). The
 * collaboration server accepts a change on a verdict up to a second and a half old (collab-server/guard.ts), so a
 * journalist's last keystrokes can reach the live document after the desk published or scheduled the story, and be
 * stored after that. A store re-reads its writers under the article's row lock and holds such changes back from
 * readers: when all of them come from people who write the story's pending update, and they move there whole (no
 * change to the desk's URL or byline, none to a field the update already changes), they become the pending update, as
 * the same save through PUT /api/articles/:id would; otherwise (the desk's changes mixed in, which one Yjs document
 * cannot tell apart, or a change only the desk may make) the document's text is kept as a CONFLICT revision. Either
 * way the caller puts the live document back to the live text.
 */
import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { changedFields, fieldKey, type ContentField, type SharedContent } from "@/lib/collab/content";
import { slugify } from "@/lib/content/slug";
import { ArticleSaveSchema, type ArticleSave } from "@/lib/validation/articles";
import type { SessionUser } from "../types";
import { sessionUserSelect } from "../users/accounts";
import { addRevision, contentSnapshot } from "./content";
import { RELEASED_STATUSES, savePendingUpdate, savesLive } from "./pending";

/** Someone whose changes a store holds, as the database knows them now (a connection's role may be older). */
export type Writer = { user: SessionUser; isActive: boolean };

/** The writers with `ids`, in that order, re-read in the caller's transaction. */
export async function readWriters(tx: DbTx, ids: readonly string[]): Promise<Writer[]> {
  const rows = await tx.user.findMany({ where: { id: { in: [...ids] } }, select: { ...sessionUserSelect, status: true } });
  return ids.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    const { status, ...user } = row;
    return [{ user, isActive: status === "ACTIVE" }];
  });
}

const writesPending = (writer: Writer, status: ArticleStatus) => writer.isActive && !savesLive(writer.user, status);

/** Whether a store of a story's live text in `status` must hold its changes back from readers. */
export function mustHoldBack(writers: readonly Writer[], status: ArticleStatus): boolean {
  return RELEASED_STATUSES.includes(status) && writers.some((w) => !w.isActive || !savesLive(w.user, status));
}

type Held = {
  article: { id: string; version: number; status: ArticleStatus; slug: string; sectionId: string };
  /** The live text, which the document last matched. */
  live: SharedContent;
  /** The pending update's content, if the story has one. */
  pending: SharedContent | null;
  /** The document's text. */
  content: SharedContent;
  writers: readonly Writer[];
  mode: ArticleSave["mode"];
};

/** A change to the URL or byline, the desk's on a released story; a slug that only followed the headline is not one. */
function changesDeskFields(fields: readonly ContentField[], content: SharedContent): boolean {
  return fields.some((f) => f === "sectionId" || f === "authorIds" || (f === "slug" && content.slug !== slugify(content.headline)));
}

/** Holds the document's changes back (see the header); returns the article's version after it. */
export async function holdBackChanges(tx: DbTx, held: Held): Promise<{ version: number }> {
  const { article, live, pending, content, writers, mode } = held;
  const fields = changedFields(content, live);
  const base = pending ?? live;
  const clash = pending !== null && fields.some((f) => fieldKey(f, pending[f]) !== fieldKey(f, live[f]));
  const contributorIds = writers.map((w) => w.user.id);
  const author = writers.findLast((w) => !savesLive(w.user, article.status) || !w.isActive)?.user ?? writers.at(-1)?.user;
  if (!author) throw new Error("A held-back store needs its writers");
  if (writers.every((w) => writesPending(w, article.status)) && !clash && !changesDeskFields(fields, content)) {
    const merged = { ...base, ...Object.fromEntries(fields.map((f) => [f, content[f]])) };
    const parsed = ArticleSaveSchema.safeParse({ ...merged, slug: article.slug, sectionId: article.sectionId, authorIds: live.authorIds, articleId: article.id, baseVersion: article.version, mode });
    if (parsed.success) {
      const snapshot = contentSnapshot(parsed.data);
      const saved = await savePendingUpdate(tx, author, parsed.data, article, snapshot);
      const kind = mode === "manual" ? "MANUAL" : "AUTOSAVE";
      await addRevision(tx, { snapshot, articleId: article.id, version: saved.version, kind, status: article.status, isPendingUpdate: true, authorId: author.id, contributorIds });
      return { version: saved.version };
    }
  }
  await addRevision(tx, { snapshot: contentSnapshot(content), articleId: article.id, version: article.version, kind: "CONFLICT", status: article.status, isPendingUpdate: false, authorId: author.id, contributorIds });
  return { version: article.version };
}
