/**
 * What every write of an article's content shares, whether it goes live or into a pending update
 * (lib/data/articles/pending.ts): the text fields as stored, tag names resolved to tags (created only by those who
 * may; anyone else's new names kept as proposals), the featured image checked, the images in use recorded, and whether a save is due for a revision.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { DbTx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { documentImages, documentToPlainText, type DocNode } from "@/lib/content/document";
import { slugify } from "@/lib/content/slug";
import type { ArticleSave } from "@/lib/validation/articles";
import { writeAudit } from "../audit";
import { articleCacheTagsSelect } from "../cache";
import { DataValidationError } from "../errors";
import type { SessionUser } from "../types";

/** Autosaves add a revision at most this often; manual saves and status changes always do. */
const AUTOSAVE_REVISION_INTERVAL_MS = 3 * 60_000;

/** An article's state as a change compares against it: its version, status, text and what names its cache tags. */
export const articleStateSelect = {
  ...articleCacheTagsSelect,
  id: true,
  status: true,
  version: true,
  sectionId: true,
  headline: true,
  dek: true,
  bodyText: true,
  datelineCity: true,
  publishedAt: true,
  proposedTags: true,
} as const satisfies Prisma.ArticleSelect;

/** The text of a save as a revision (and a pending update) keeps it. */
export function contentSnapshot(input: Pick<ArticleSave, "headline" | "dek" | "body" | "datelineCity" | "seoTitle" | "seoDescription">) {
  const body = input.body as DocNode;
  return {
    headline: input.headline,
    dek: input.dek,
    body: body as unknown as Prisma.InputJsonValue,
    bodyText: documentToPlainText(body),
    datelineCity: input.datelineCity,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
  };
}

export type ContentSnapshot = ReturnType<typeof contentSnapshot>;

type ReaderText = { headline: string; dek: string; bodyText: string; datelineCity: string };

/** Whether readers would see a difference between two versions' text. */
export function isReaderVisibleChange(a: ReaderText, b: ReaderText): boolean {
  return a.headline !== b.headline || a.dek !== b.dek || a.bodyText !== b.bodyText || a.datelineCity !== b.datelineCity;
}

/**
 * A save's tag names: the ids of the tags that exist, in order, and the names that do not. Those who may create tags
 * create them here, except names already proposed on this article (`proposals`: they wait for publication like any
 * proposal, see ./tag-proposals.ts); anyone else's new names are kept as proposals.
 */
export async function resolveTags(tx: DbTx, actor: SessionUser, names: string[], proposals: string[] = []) {
  // A tag with no letter or digit a URL can carry (only symbols, emoji, or another script) has no slug: refuse it by
  // name rather than dropping it without a word.
  const unusable = names.find((n) => !slugify(n));
  if (unusable !== undefined) {
    throw new DataValidationError("tags", `The tag “${unusable.trim()}” needs at least one letter (a–z) or digit for its web address. Rename it.`);
  }
  const unique = [...new Map(names.map((n) => [slugify(n), n.trim()])).entries()];
  const waiting = new Set(proposals.map((name) => slugify(name)));
  const tagIds: string[] = [];
  const proposed: string[] = [];
  for (const [slug, name] of unique) {
    const existing = await tx.tag.findUnique({ where: { slug }, select: { id: true } });
    if (existing) {
      tagIds.push(existing.id);
    } else if (!can(actor.role, "tag:create") || waiting.has(slug)) {
      proposed.push(name);
    } else {
      const created = await tx.tag.create({ data: { name, slug }, select: { id: true } });
      await writeAudit(tx, { actor, action: "tag.create", targetType: "Tag", targetId: created.id, details: { name } });
      tagIds.push(created.id);
    }
  }
  return { tagIds, proposed };
}

export async function assertFeaturedImageExists(tx: DbTx, featuredImageId: string | null): Promise<void> {
  if (!featuredImageId) return;
  const media = await tx.media.findUnique({ where: { id: featuredImageId }, select: { id: true } });
  if (!media) throw new DataValidationError("featuredImageId", "That image is no longer in the media library.");
}

type ImagesOf = { body: unknown; featuredImageId: string | null };

/**
 * The library images these versions of an article show (featured or in the body) that still exist. An article's
 * usages cover its live content and its pending update, so an image either one shows cannot be deleted.
 */
export async function usedMedia(tx: DbTx, versions: ImagesOf[]): Promise<{ mediaId: string }[]> {
  const ids = versions.flatMap((v) => [
    ...documentImages(v.body as DocNode).flatMap((i) => (i.mediaId ? [i.mediaId] : [])),
    ...(v.featuredImageId ? [v.featuredImageId] : []),
  ]);
  if (ids.length === 0) return [];
  const known = await tx.media.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true } });
  return known.map((m) => ({ mediaId: m.id }));
}

type RevisionRecord = {
  snapshot: ContentSnapshot;
  articleId: string;
  version: number;
  kind: "AUTOSAVE" | "MANUAL" | "CONFLICT";
  status: ArticleStatus;
  isPendingUpdate: boolean;
  authorId: string;
  /** Everyone whose changes it holds, when several people wrote it together (a shared document's window). */
  contributorIds?: string[];
};

/** Records a revision of a save (or of a refused or overtaken one: CONFLICT), with its contributors. */
export async function addRevision(tx: DbTx, { snapshot, contributorIds = [], ...revision }: RevisionRecord): Promise<void> {
  await tx.revision.create({
    data: { ...snapshot, ...revision, contributors: { create: [...new Set(contributorIds)].map((userId) => ({ userId })) } },
  });
}

/** A save adds a revision when it is manual, or when the last one is a few minutes old. */
export async function isRevisionDue(tx: DbTx, articleId: string, mode: ArticleSave["mode"]): Promise<boolean> {
  if (mode === "manual") return true;
  const last = await tx.revision.findFirst({
    where: { articleId, kind: { in: ["AUTOSAVE", "MANUAL", "RESTORE", "STATUS", "UPDATE"] } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return !last || Date.now() - last.createdAt.getTime() >= AUTOSAVE_REVISION_INTERVAL_MS;
}
