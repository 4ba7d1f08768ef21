/**
 * Deleting an article that is not out: a draft, one in review, or one unpublished (ARCHIVED). A live or scheduled
 * article is unpublished (or its schedule cancelled) first. The desk deletes any of these; a journalist only a draft
 * they created that was never published. Its revisions, notes, corrections, previews and pending update go with it
 * (the foreign keys cascade); its images stay in the library. The audit entry keeps its headline and URL, and if it
 * was ever published its URLs keep answering 410 Gone: the row is gone, so they are written to GonePath, which the
 * 410 list (./gone.ts) reads, and the cache channel's notification makes every instance reload that list.
 */
import "server-only";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { assertCan, can, ForbiddenError } from "@/lib/auth/permissions";
import { canMoveFrom } from "@/lib/article-status";
import { writeAudit } from "../audit";
import { CacheTags, expirePublicTags } from "../cache";
import { WorkflowError } from "../errors";
import type { SessionUser } from "../types";
import { lockArticle, visibleWhere } from "./access";
import { articleAddresses, recordGonePaths } from "./gone-paths";
import { RELEASED_STATUSES } from "./pending";

type Deletable = { status: ArticleStatus; createdById: string; publishedAt: Date | null };

/** Whether the actor may delete the article as it is now (the editor offers the button only then). */
export function mayDelete(actor: SessionUser, article: Deletable): boolean {
  if (RELEASED_STATUSES.includes(article.status)) return false;
  if (can(actor.role, "article:delete:any")) return true;
  // A story the desk sent back is still its author's draft (changes requested), as before it was submitted.
  return can(actor.role, "article:delete:own") && article.createdById === actor.id && canMoveFrom("submit", article.status) && article.publishedAt === null;
}

export async function deleteArticle(actor: SessionUser, articleId: string) {
  assertCan(actor.role, "article:delete:own");
  return getDb().$transaction(async (tx) => {
    await lockArticle(tx, articleId, visibleWhere(actor));
    const article = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: { slug: true, headline: true, status: true, publishedAt: true, createdById: true },
    });
    if (RELEASED_STATUSES.includes(article.status)) {
      throw new WorkflowError(article.status === "PUBLISHED" ? "Unpublish this article before deleting it." : "Cancel the schedule before deleting this article.");
    }
    if (!mayDelete(actor, article)) throw new ForbiddenError("article:delete:any");

    // Where it answered, if it was ever published (also written when it was taken down, wherever it was filed then).
    const { path, slugs, paths } = await articleAddresses(tx, articleId);
    const gonePaths = article.publishedAt ? paths : [];
    await recordGonePaths(tx, articleId, gonePaths);
    await tx.slugRedirect.deleteMany({ where: { entity: "ARTICLE", targetId: articleId } });
    await tx.article.delete({ where: { id: articleId } });
    await writeAudit(tx, {
      actor,
      action: "article.delete",
      targetType: "Article",
      targetId: articleId,
      details: { headline: article.headline, slug: article.slug, path, status: article.status, gonePaths },
    });
    if (gonePaths.length > 0) await expirePublicTags(tx, [...slugs.map(CacheTags.article), "gone"]);
    return { status: article.status };
  });
}
