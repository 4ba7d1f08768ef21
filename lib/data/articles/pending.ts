/**
 * Pending updates (docs/decisions/0014-pending-updates.md). Once the desk has scheduled or published an article, a
 * journalist's saves no longer change what readers see (or are about to see): they are kept as the article's pending
 * update, a whole copy of the content that is not live yet, until an editor publishes it (./updates.ts). The
 * article's one version number counts these saves too, so the editor's save path, its 409s and the copy kept on the
 * device work as for any save. The URL (section and slug) and the byline of such an article are the desk's: a save by
 * anyone without article:update:live that changes them is refused, whether or not it would go to a pending update.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import type { DocNode } from "@/lib/content/document";
import type { ArticleSave } from "@/lib/validation/articles";
import type { SessionUser } from "../types";
import { assertFeaturedImageExists, resolveTags, usedMedia, type ContentSnapshot } from "./content";

/** Statuses in which the desk has released an article: live, or due to go live. */
export const RELEASED_STATUSES: readonly ArticleStatus[] = ["SCHEDULED", "PUBLISHED"];

/** Whether the actor's saves of an article in `status` change its content directly (else its pending update). */
export function savesLive(actor: SessionUser, status: ArticleStatus): boolean {
  return can(actor.role, "article:update:live") || !RELEASED_STATUSES.includes(status);
}

/** A pending update's content: what publishing it makes live. */
export const pendingContentSelect = {
  headline: true,
  dek: true,
  body: true,
  bodyText: true,
  datelineCity: true,
  seoTitle: true,
  seoDescription: true,
  featuredImageId: true,
  tagIds: true,
  proposedTags: true,
} as const satisfies Prisma.PendingUpdateSelect;

/** What the editor reads of a pending update. */
export const pendingUpdateSelect = {
  ...pendingContentSelect,
  status: true,
  submittedAt: true,
  updatedAt: true,
  featuredImage: { select: { id: true, storageKey: true, alt: true, width: true, height: true } },
  lastEditedBy: { select: { name: true } },
} as const satisfies Prisma.PendingUpdateSelect;

type PendingRow = Prisma.PendingUpdateGetPayload<{ select: typeof pendingUpdateSelect }>;

/** Tag names of `tagIds`, in their order; a tag merged away since is skipped. */
export async function tagNamesOf(db: Pick<DbTx, "tag">, tagIds: string[]): Promise<string[]> {
  const tags = await db.tag.findMany({ where: { id: { in: tagIds } }, select: { id: true, name: true } });
  const names = new Map(tags.map((t) => [t.id, t.name]));
  return [...new Set(tagIds)].map((id) => names.get(id)).filter((name) => name !== undefined);
}

type LiveContent = {
  headline: string;
  dek: string;
  bodyText: string;
  datelineCity: string;
  seoTitle: string;
  seoDescription: string;
  featuredImageId: string | null;
  tags: string[];
};

/** The fields besides headline, dek and body that the update changes, named as the editor labels them. */
function otherChanges(live: LiveContent, pending: LiveContent): string[] {
  const fields = [
    ["Dateline", "datelineCity"],
    ["SEO title", "seoTitle"],
    ["SEO description", "seoDescription"],
    ["Featured image", "featuredImageId"],
  ] as const;
  const changed: string[] = fields.filter(([, key]) => live[key] !== pending[key]).map(([label]) => label);
  if (live.tags.join("\n") !== pending.tags.join("\n")) changed.push("Tags");
  return changed;
}

/** The pending update as the editor shows it: its content in the editor's shape, and what it changes in the live one. */
export async function readPendingUpdate(db: Pick<DbTx, "tag">, row: PendingRow, live: LiveContent) {
  const tags = [...(await tagNamesOf(db, row.tagIds)), ...row.proposedTags];
  const { status, submittedAt, updatedAt, lastEditedBy, body, headline, dek, bodyText, datelineCity, seoTitle, seoDescription, featuredImageId, featuredImage, proposedTags } = row;
  const text = { headline, dek, bodyText, datelineCity, seoTitle, seoDescription, featuredImageId, featuredImage };
  return {
    content: { ...text, body: body as unknown as DocNode, tags, proposedTags, updatedAt, lastEditedBy },
    summary: {
      status,
      submittedAt,
      updatedAt,
      editedBy: lastEditedBy.name,
      live: { headline: live.headline, dek: live.dek, bodyText: live.bodyText },
      pending: { headline: text.headline, dek: text.dek, bodyText: text.bodyText },
      otherChanges: otherChanges(live, { ...text, tags }),
    },
  };
}

export type PendingUpdateSummary = Awaited<ReturnType<typeof readPendingUpdate>>["summary"];

type Released = { id: string; status: ArticleStatus; slug: string; sectionId: string };

/**
 * A journalist's save of a released article: checks the desk's fields are unchanged and keeps the content pending. In
 * the caller's transaction with the article locked; the caller records the revision.
 */
export async function savePendingUpdate(tx: DbTx, actor: SessionUser, input: ArticleSave, current: Released, snapshot: ContentSnapshot) {
  const byline = await tx.articleAuthor.findMany({ where: { articleId: current.id }, orderBy: { position: "asc" }, select: { userId: true } });
  const sameByline = byline.length === input.authorIds.length && byline.every((a, i) => a.userId === input.authorIds[i]);
  if (input.slug !== current.slug || input.sectionId !== current.sectionId || !sameByline) throw new ForbiddenError("article:update:live");
  await assertFeaturedImageExists(tx, input.featuredImageId);
  const { tagIds, proposed } = await resolveTags(tx, actor, input.tags);
  const content = { ...snapshot, featuredImageId: input.featuredImageId, tagIds, proposedTags: proposed, lastEditedById: actor.id };
  await tx.pendingUpdate.upsert({ where: { articleId: current.id }, create: { articleId: current.id, ...content }, update: content });
  // Only added here: the live content's images stay in use, and what the update stops using is settled when it is
  // published or discarded.
  const media = await usedMedia(tx, [{ body: snapshot.body, featuredImageId: input.featuredImageId }]);
  const updated = await tx.article.update({
    where: { id: current.id },
    data: { version: { increment: 1 }, mediaUsages: { createMany: { data: media, skipDuplicates: true } } },
    select: { version: true },
  });
  return { kind: "saved", version: updated.version, slug: current.slug, savedAt: new Date(), pending: true } as const;
}
