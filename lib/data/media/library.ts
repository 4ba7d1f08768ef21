/**
 * The media library as staff browse it: the grid (search, uploader and date filters), the editor's image picker and
 * one image's page with the articles that use it. Any staff member browses; changes are in ./changes.ts.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import { mediaUrl, readVariants } from "@/lib/media/keys";
import { imageSourcesForMedia, openGraphImageForMedia, thumbnailUrl } from "@/lib/media/sources";
import { NotFoundError } from "../errors";
import { RELEASED_STATUSES } from "../articles/pending";
import { clampPage } from "../paging";
import type { SessionUser } from "../types";

export const MEDIA_PAGE_SIZE = 24;

function canEditMedia(actor: SessionUser, media: { uploaderId: string }): boolean {
  return can(actor.role, "media:update:any") || (can(actor.role, "media:update:own") && media.uploaderId === actor.id);
}

/** Articles that use an image: featured, or in the body (MediaUsage, kept in step by saveArticle). */
export function usedByWhere(mediaId: string): Prisma.ArticleWhereInput {
  return { OR: [{ featuredImageId: mediaId }, { mediaUsages: { some: { mediaId } } }] };
}

/**
 * Of these images, those whose alt text, caption and credit the actor may not change although they may change the
 * image: readers see that text (or are about to) as the featured image of a published or scheduled story's live
 * content, and a released story changes under the desk's eye (docs/decisions/0014): only those who edit released
 * stories live change it then. Body images carry their own copy of the text (lib/content/document.ts), and a pending
 * update's featured image is not shown yet.
 */
export async function lockedMediaText(db: DbTx, actor: SessionUser, mediaIds: string[]): Promise<Set<string>> {
  if (can(actor.role, "article:update:live") || mediaIds.length === 0) return new Set();
  const shown = await db.article.findMany({ where: { featuredImageId: { in: mediaIds }, status: { in: [...RELEASED_STATUSES] } }, select: { featuredImageId: true } });
  return new Set(shown.flatMap((a) => (a.featuredImageId ? [a.featuredImageId] : [])));
}

const cardSelect = {
  id: true,
  hash: true,
  storageKey: true,
  filename: true,
  mimeType: true,
  bytes: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
  variants: true,
  createdAt: true,
  uploader: { select: { id: true, name: true } },
} as const satisfies Prisma.MediaSelect;

type CardRow = Prisma.MediaGetPayload<{ select: typeof cardSelect }>;

function toCard({ variants, ...row }: CardRow) {
  return { ...row, url: `/${row.storageKey}`, thumbUrl: thumbnailUrl({ ...row, variants }), sources: imageSourcesForMedia({ ...row, variants }) };
}

/**
 * The editor's image picker: the latest 100 images, and the article's featured image if it is older. (url, width and
 * height are what the body image node stores; canEdit: the actor may change its alt text, caption and credit.)
 */
export async function listMediaForPicker(actor: SessionUser, options: { include?: string | null } = {}) {
  assertCan(actor.role, "dashboard:access");
  const select = { id: true, hash: true, storageKey: true, alt: true, caption: true, credit: true, width: true, height: true, filename: true, uploaderId: true } as const;
  const db = getDb();
  const rows = await db.media.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select });
  const extra = options.include && !rows.some((m) => m.id === options.include) ? await db.media.findUnique({ where: { id: options.include }, select }) : null;
  const all = [...rows, ...(extra ? [extra] : [])];
  const locked = await lockedMediaText(db, actor, all.map((m) => m.id));
  return all.map(({ uploaderId, ...m }) => ({ ...m, url: `/${m.storageKey}`, thumbUrl: thumbnailUrl(m), canEdit: canEditMedia(actor, { uploaderId }) && !locked.has(m.id) }));
}

export type MediaListFilters = { q?: string; uploaderId?: string; from?: Date; to?: Date; page?: number; perPage?: number };

/** The library grid: search over file name, alt text, caption and credit; filters by uploader and upload date. */
export async function listMedia(actor: SessionUser, filters: MediaListFilters = {}) {
  assertCan(actor.role, "dashboard:access");
  const perPage = Math.min(Math.max(filters.perPage ?? MEDIA_PAGE_SIZE, 1), 100);
  const q = filters.q?.trim();
  const where: Prisma.MediaWhereInput = {
    AND: [
      q
        ? {
            OR: (["filename", "alt", "caption", "credit"] as const).map((field) => ({ [field]: { contains: q, mode: "insensitive" } }) as Prisma.MediaWhereInput),
          }
        : {},
      filters.uploaderId ? { uploaderId: filters.uploaderId } : {},
      filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } } : {},
    ],
  };
  const db = getDb();
  const total = await db.media.count({ where });
  const { page, totalPages, skip } = clampPage(total, filters.page, perPage);
  const rows = await db.media.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take: perPage, select: cardSelect });
  return { items: rows.map(toCard), total, page, totalPages };
}

/** Everyone who has uploaded something, for the library's uploader filter. */
export async function listMediaUploaders(actor: SessionUser) {
  assertCan(actor.role, "dashboard:access");
  return getDb().user.findMany({ where: { media: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** One image with its variants, the articles that use it and whether the actor may change it. */
export async function getMediaDetail(actor: SessionUser, mediaId: string) {
  assertCan(actor.role, "dashboard:access");
  const db = getDb();
  const row = await db.media.findUnique({ where: { id: mediaId }, select: { ...cardSelect, uploaderId: true, focalX: true, focalY: true, updatedAt: true } });
  if (!row) throw new NotFoundError("That image");
  const usedIn = await db.article.findMany({
    where: usedByWhere(mediaId),
    orderBy: { updatedAt: "desc" },
    select: { id: true, headline: true, status: true, slug: true, featuredImageId: true, section: { select: { slug: true } } },
  });
  const { uploaderId, focalX, focalY, updatedAt } = row;
  return {
    ...toCard(row),
    uploaderId,
    focalX,
    focalY,
    updatedAt,
    variants: readVariants(row.variants).map((v) => ({ ...v, url: mediaUrl(v.key) })),
    openGraph: openGraphImageForMedia(row),
    usedIn: usedIn.map((a) => ({ id: a.id, headline: a.headline, status: a.status, path: `/${a.section.slug}/${a.slug}`, asFeatured: a.featuredImageId === mediaId })),
    canEdit: canEditMedia(actor, row),
    canEditText: !(await lockedMediaText(db, actor, [mediaId])).has(mediaId),
  };
}
