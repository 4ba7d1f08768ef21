/** The publish checklist: what an article (or an update of it) must have before readers may see it. */
import "server-only";
import type { DbTx } from "@/lib/db/client";
import { countWords, documentImages, type DocNode } from "@/lib/content/document";
import { MIN_BODY_WORDS, SEO_DESCRIPTION_MAX, SEO_DESCRIPTION_MIN } from "@/lib/validation/articles";
import { NotFoundError } from "../errors";

/** What a publish or schedule needs and this article lacks; empty when it may go out. */
export async function publishChecklist(tx: DbTx, articleId: string): Promise<string[]> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      headline: true,
      datelineCity: true,
      body: true,
      seoDescription: true,
      dek: true,
      sectionId: true,
      featuredImage: { select: { alt: true } },
      _count: { select: { authors: true } },
    },
  });
  if (!article) throw new NotFoundError("That article");
  const body = article.body as unknown as DocNode;
  const missing: string[] = [];
  if (!article.headline.trim()) missing.push("Add a headline.");
  if (!article.sectionId) missing.push("Choose a section.");
  if (article._count.authors === 0) missing.push("Add at least one author.");
  if (!article.datelineCity.trim()) missing.push("Add a dateline (the city the story is reported from).");
  const words = countWords(body);
  if (words < MIN_BODY_WORDS) missing.push(`Write at least ${MIN_BODY_WORDS} words in the body (it has ${words}).`);
  const images = documentImages(body);
  const withoutAlt = images.filter((i) => !i.alt).length + (article.featuredImage && !article.featuredImage.alt.trim() ? 1 : 0);
  if (withoutAlt > 0) missing.push(`Add alt text to every image (${withoutAlt} ${withoutAlt === 1 ? "image has" : "images have"} none).`);
  const seo = (article.seoDescription || article.dek).trim().length;
  if (seo < SEO_DESCRIPTION_MIN || seo > SEO_DESCRIPTION_MAX) {
    missing.push(`Write an SEO description of ${SEO_DESCRIPTION_MIN}–${SEO_DESCRIPTION_MAX} characters (it has ${seo}).`);
  }
  return missing;
}
