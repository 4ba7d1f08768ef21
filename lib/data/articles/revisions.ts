/** An article's revision history: list, read two for a diff, and restore one (which saves it as a new version). */
import "server-only";
import { getDb } from "@/lib/db";
import type { DocNode } from "@/lib/content/document";
import { NotFoundError } from "../errors";
import type { SessionUser } from "../types";
import { assertReachable, reachableWhere } from "./access";
import { getArticleForEditor, saveArticle } from "./editor";

export async function listRevisions(actor: SessionUser, articleId: string) {
  await assertReachable(actor, articleId);
  return getDb().revision.findMany({
    where: { articleId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      version: true,
      kind: true,
      status: true,
      isPendingUpdate: true,
      bySchedule: true,
      headline: true,
      createdAt: true,
      author: { select: { name: true } },
      contributors: { orderBy: { user: { name: "asc" } }, select: { user: { select: { name: true } } } },
    },
  });
}

export async function getRevision(actor: SessionUser, revisionId: string) {
  const revision = await getDb().revision.findFirst({
    where: { id: revisionId, article: reachableWhere(actor) },
    select: { id: true, articleId: true, version: true, kind: true, headline: true, dek: true, body: true, bodyText: true, datelineCity: true, seoTitle: true, seoDescription: true, createdAt: true, author: { select: { name: true } } },
  });
  if (!revision) throw new NotFoundError("That revision");
  return { ...revision, body: revision.body as unknown as DocNode };
}

/**
 * Restores a revision's text on top of the current version; the restore itself becomes a new revision. A restore
 * deliberately replaces what is there (the editor stores the text on screen first, and it stays in the history), so
 * it is based on the current version. Open shared documents take the restored text in (./shared-store.ts).
 */
export async function restoreRevision(actor: SessionUser, revisionId: string) {
  const revision = await getRevision(actor, revisionId);
  const current = await getArticleForEditor(actor, revision.articleId);
  const saved = await saveArticle(actor, {
    articleId: current.id,
    baseVersion: current.version,
    mode: "manual",
    headline: revision.headline,
    dek: revision.dek,
    body: revision.body,
    datelineCity: revision.datelineCity,
    seoTitle: revision.seoTitle,
    seoDescription: revision.seoDescription,
    sectionId: current.sectionId,
    tags: current.tags,
    authorIds: current.authors.map((a) => a.id),
    featuredImageId: current.featuredImageId,
    slug: current.slug,
  });
  await getDb().revision.updateMany({ where: { articleId: current.id, version: saved.version, kind: "MANUAL" }, data: { kind: "RESTORE" } });
  return saved;
}
