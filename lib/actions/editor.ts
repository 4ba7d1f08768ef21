"use server";

/**
 * The editor's own reads as server actions: the article as it is saved now, to compare with in a conflict and to
 * reload after a restore or a take-over. Same session check and data-layer authorization as the page.
 */
import { failure, type ActionResult } from "@/lib/actions/result";
import { Id } from "@/lib/actions/run";
import { requireUser } from "@/lib/auth/session";
import { documentToPlainText, type DocNode } from "@/lib/content/document";
import { getArticleForEditor } from "@/lib/data/editor";

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

export async function getCurrentArticleAction(articleId: string): Promise<ActionResult<CurrentArticleData>> {
  const user = await requireUser();
  try {
    const article = await getArticleForEditor(user, Id.parse(articleId));
    return {
      ok: true,
      data: {
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
      },
    };
  } catch (error) {
    return failure(error);
  }
}
