/**
 * The dashboard's article list: what the actor may see (lib/data/articles/access.ts) except blank new drafts, filtered,
 * sorted and paged.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { editionPrefix } from "@/lib/i18n/edition";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "../types";
import { ownArticleWhere, visibleWhere } from "./access";
import { blankDraftWhere } from "./blank-drafts";
import { authorsSelect } from "./public";

export type DashboardFilters = {
  mine?: boolean;
  status?: ArticleStatus;
  sectionId?: string;
  authorId?: string;
  q?: string;
  sort?: "updated" | "created" | "headline" | "published";
  page?: number;
  perPage?: number;
};

const DASHBOARD_ORDER = {
  updated: [{ updatedAt: "desc" }, { id: "desc" }],
  created: [{ createdAt: "desc" }, { id: "desc" }],
  headline: [{ headline: "asc" }, { id: "asc" }],
  published: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
} as const satisfies Record<string, Prisma.ArticleOrderByWithRelationInput[]>;

/** The dashboard's article list: what the actor may see, filtered, searched, sorted and paginated. */
export async function listArticlesForDashboard(actor: SessionUser, filters: DashboardFilters = {}) {
  assertCan(actor.role, "dashboard:access");
  const mine: Prisma.ArticleWhereInput = filters.mine ? ownArticleWhere(actor) : {};
  const q = filters.q?.trim();
  const where: Prisma.ArticleWhereInput = {
    AND: [
      visibleWhere(actor),
      // A new draft nobody has typed in yet is not a row of its own ("Untitled"): it is deleted soon (./blank-drafts.ts).
      { NOT: blankDraftWhere() },
      mine,
      filters.status ? { status: filters.status } : {},
      filters.sectionId ? { sectionId: filters.sectionId } : {},
      filters.authorId ? { authors: { some: { userId: filters.authorId } } } : {},
      q ? { OR: [{ headline: { contains: q, mode: "insensitive" } }, { dek: { contains: q, mode: "insensitive" } }, { slug: { contains: q.toLowerCase() } }] } : {},
    ],
  };
  const perPage = Math.min(filters.perPage ?? 25, 200);
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const [total, items] = await Promise.all([
    getDb().article.count({ where }),
    getDb().article.findMany({
      where,
      orderBy: [...DASHBOARD_ORDER[filters.sort ?? "updated"]],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        slug: true,
        headline: true,
        status: true,
        updatedAt: true,
        publishedAt: true,
        scheduledAt: true,
        section: { select: { name: true, slug: true, translations: { select: { editionId: true, slug: true } } } },
        edition: { select: { id: true, name: true, isDefault: true } },
        authors: authorsSelect,
        lastEditedBy: { select: { name: true } },
        pendingUpdate: { select: { status: true } },
      },
    }),
  ]);
  return { items: items.map(withSitePath), total, page, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}

type ListedArticle = {
  slug: string;
  section: { name: string; slug: string; translations: { editionId: string; slug: string }[] };
  edition: { id: string; name: string; isDefault: boolean };
};

/** Where the article is read on the site: under its edition's prefix, in its section's slug in that edition. */
function withSitePath<T extends ListedArticle>({ section: { translations, ...section }, ...article }: T) {
  const local = translations.find((t) => t.editionId === article.edition.id)?.slug ?? section.slug;
  return { ...article, section, sitePath: `${editionPrefix(article.edition)}/${local}/${article.slug}` };
}

/**
 * The desk's queue of updates to released articles (pending updates submitted for review), oldest first: listed
 * apart from new stories in review, since the article is already out and only the change needs a decision.
 */
export async function listUpdatesForReview(actor: SessionUser) {
  assertCan(actor.role, "article:publish");
  return getDb().pendingUpdate.findMany({
    where: { status: "IN_REVIEW" },
    orderBy: [{ submittedAt: "asc" }, { articleId: "asc" }],
    take: 50,
    select: {
      articleId: true,
      headline: true,
      submittedAt: true,
      lastEditedBy: { select: { name: true } },
      article: { select: { headline: true, status: true, section: { select: { name: true } }, authors: authorsSelect } },
    },
  });
}
