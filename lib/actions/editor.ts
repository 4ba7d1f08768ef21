"use server";

/**
 * The editor's own reads as server actions: the article as it is saved now, to compare with in a conflict and to
 * reload after a restore or a take-over. Same session check and data-layer authorization as the page.
 */
import { ok, staffAction } from "@/lib/actions/safe-action";
import { documentToPlainText, type DocNode } from "@/lib/content/document";
import { getArticleForEditor } from "@/lib/data/articles/editor";
import { ArticleRefSchema } from "@/lib/validation/articles";

export type CurrentArticleData = {
  version: number;
  status: string;
  slug: string;
  headline: string;
  dek: string;
  body: DocNode;
  bodyText: string;
  datelineCity: string;
  sectionId: string;
  tags: string[];
  authorIds: string[];
  featuredImageId: string | null;
  seoTitle: string;
  seoDescription: string;
  updatedAt: string;
  lastEditedBy: string | null;
};

export const getCurrentArticleAction = staffAction(
  { schema: ArticleRefSchema, input: (articleId: string) => ({ articleId }) },
  async ({ articleId }, { user }) => {
    const article = await getArticleForEditor(user, articleId);
    return ok<CurrentArticleData>({
      version: article.version,
      status: article.status,
      slug: article.slug,
      headline: article.headline,
      dek: article.dek,
      body: article.body,
      bodyText: documentToPlainText(article.body),
      datelineCity: article.datelineCity,
      sectionId: article.sectionId,
      tags: article.tags,
      authorIds: article.authors.map((a) => a.id),
      featuredImageId: article.featuredImageId,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      updatedAt: article.updatedAt.toISOString(),
      lastEditedBy: article.lastEditedBy?.name ?? null,
    });
  },
);
