/** The editor's save as the page sends it: the article as the actor sees it in the editor, with some fields changed. */
import { getArticleForEditor } from "@/lib/data/articles/editor";
import type { SessionUser } from "@/lib/data/types";

export async function saveInput(actor: SessionUser, articleId: string, overrides: Record<string, unknown> = {}) {
  const current = await getArticleForEditor(actor, articleId);
  return {
    articleId,
    baseVersion: current.version,
    mode: "manual" as const,
    headline: current.headline || "A headline",
    dek: current.dek,
    body: current.body,
    datelineCity: current.datelineCity,
    sectionId: current.sectionId,
    tags: current.tags,
    authorIds: current.authors.map((a) => a.id),
    featuredImageId: current.featuredImageId,
    slug: current.slug,
    seoTitle: current.seoTitle,
    seoDescription: current.seoDescription,
    ...overrides,
  };
}
