/**
 * Whose articles a staff member reaches, as a condition every staff query on articles puts in its `where`: the desk
 * (editors, admins) reaches every article, anyone else those they created or co-author. A row outside the condition
 * is answered as not found, never as forbidden, so its existence does not leak.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "../errors";
import type { SessionUser } from "../types";

export function ownArticleWhere(actor: Pick<SessionUser, "id">): Prisma.ArticleWhereInput {
  return { OR: [{ createdById: actor.id }, { authors: { some: { userId: actor.id } } }] };
}

/** Articles the actor may open in the editor; may edit is the same set (desk: all, others: their own). */
export function reachableWhere(actor: SessionUser): Prisma.ArticleWhereInput {
  return can(actor.role, "article:update:any") ? {} : ownArticleWhere(actor);
}

/** Articles the actor may see in lists and move through the workflow. */
export function visibleWhere(actor: SessionUser): Prisma.ArticleWhereInput {
  return can(actor.role, "article:read:any") ? {} : ownArticleWhere(actor);
}

/** Throws NotFoundError unless the article exists and the actor reaches it. */
export async function assertReachable(actor: SessionUser, articleId: string): Promise<void> {
  const article = await getDb().article.findFirst({ where: { id: articleId, ...reachableWhere(actor) }, select: { id: true } });
  if (!article) throw new NotFoundError("That article");
}

/**
 * In a transaction: the article, if it matches `where` (what the actor may see or reach; else NotFoundError), locked
 * for the rest of the transaction, so that saves, transitions and scheduler runs on it wait for each other.
 */
export async function lockArticle(tx: DbTx, articleId: string, where: Prisma.ArticleWhereInput): Promise<void> {
  const found = await tx.article.findFirst({ where: { id: articleId, ...where }, select: { id: true } });
  if (!found) throw new NotFoundError("That article");
  await tx.$executeRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
}
