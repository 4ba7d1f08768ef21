/**
 * Putting articles in front of readers and taking them away. Each change commits together with its revision, its
 * audit entry and the expiry of exactly the public cache tags it touches (lib/data/cache.ts), so readers on every
 * app instance see it within moments, and never see a half-made change.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "./audit";
import { expirePublicTags, tagsForArticle } from "./cache";
import { DataValidationError, NotFoundError } from "./errors";
import type { SessionUser } from "./types";

const publicShape = {
  id: true,
  slug: true,
  status: true,
  version: true,
  headline: true,
  dek: true,
  body: true,
  bodyText: true,
  datelineCity: true,
  seoTitle: true,
  seoDescription: true,
  publishedAt: true,
  section: { select: { slug: true } },
  tags: { select: { tag: { select: { slug: true } } } },
  authors: { select: { user: { select: { slug: true } } } },
} as const satisfies Prisma.ArticleSelect;

type PublicShape = Prisma.ArticleGetPayload<{ select: typeof publicShape }>;

export function articleCacheTags(article: PublicShape): string[] {
  return tagsForArticle({
    slug: article.slug,
    sectionSlug: article.section.slug,
    tagSlugs: article.tags.map((t) => t.tag.slug),
    authorSlugs: article.authors.map((a) => a.user.slug),
  });
}

async function snapshot(tx: DbTx, article: PublicShape, actor: SessionUser, status: PublicShape["status"], version: number) {
  await tx.revision.create({
    data: {
      articleId: article.id,
      version,
      kind: "STATUS",
      headline: article.headline,
      dek: article.dek,
      body: article.body as Prisma.InputJsonValue,
      bodyText: article.bodyText,
      datelineCity: article.datelineCity,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      status,
      authorId: actor.id,
    },
  });
}

/** Publishes now. Editors and admins only; an article keeps its first publish time when republished. */
export async function publishArticle(actor: SessionUser, articleId: string, options: { now?: Date } = {}) {
  assertCan(actor.role, "article:publish");
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: publicShape });
    if (!article) throw new NotFoundError("That article");
    if (article.status === "PUBLISHED") throw new DataValidationError("status", "This article is already published.");
    const updated = await tx.article.update({
      where: { id: articleId },
      data: {
        status: "PUBLISHED",
        publishedAt: article.publishedAt ?? now,
        scheduledAt: null,
        archivedAt: null,
        version: { increment: 1 },
        lastEditedById: actor.id,
      },
      select: { version: true, publishedAt: true },
    });
    await snapshot(tx, article, actor, "PUBLISHED", updated.version);
    await writeAudit(tx, { actor, action: "article.publish", targetType: "Article", targetId: articleId, details: { headline: article.headline } });
    await expirePublicTags(tx, articleCacheTags(article));
    return updated;
  });
}

/** Takes a published article off the site. Its URL then answers 410 Gone. */
export async function unpublishArticle(actor: SessionUser, articleId: string) {
  assertCan(actor.role, "article:unpublish");
  return getDb().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: publicShape });
    if (!article) throw new NotFoundError("That article");
    if (article.status !== "PUBLISHED") throw new DataValidationError("status", "Only a published article can be unpublished.");
    const updated = await tx.article.update({
      where: { id: articleId },
      data: { status: "ARCHIVED", archivedAt: new Date(), version: { increment: 1 }, lastEditedById: actor.id },
      select: { version: true },
    });
    await snapshot(tx, article, actor, "ARCHIVED", updated.version);
    await writeAudit(tx, { actor, action: "article.unpublish", targetType: "Article", targetId: articleId, details: { headline: article.headline } });
    await expirePublicTags(tx, [...articleCacheTags(article), "gone"]);
    return updated;
  });
}
