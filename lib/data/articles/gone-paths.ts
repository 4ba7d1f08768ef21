/**
 * The addresses an article answers at, in its edition (its prefix and the edition's section slug,
 * docs/decisions/0029), under its slug and former slugs. Written to GonePath when a published article is taken down
 * or deleted, so they keep answering 410 (./gone.ts) wherever the article is filed later, until a published article
 * answers there again.
 */
import "server-only";
import type { DbTx } from "@/lib/db/client";
import { formerSlugs } from "../slug-redirects";

/** `path`: its current address; `paths`: that and its former slugs' (in its current section). */
export async function articleAddresses(tx: DbTx, articleId: string): Promise<{ path: string; slugs: string[]; paths: string[] }> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      slug: true, editionId: true, edition: { select: { isDefault: true } },
      section: { select: { slug: true, translations: { where: { edition: { isDefault: false } }, select: { editionId: true, slug: true } } } },
    },
  });
  const slugs = [article.slug, ...(await formerSlugs(tx, "ARTICLE", articleId))];
  const localSection = article.section.translations.find((t) => t.editionId === article.editionId)?.slug ?? article.section.slug;
  const base = article.edition.isDefault ? `/${article.section.slug}` : `/${article.editionId}/${localSection}`;
  return { path: `${base}/${article.slug}`, slugs, paths: slugs.map((slug) => `${base}/${slug}`) };
}

/** These addresses answer 410 from now on (a path already recorded keeps its first article). */
export async function recordGonePaths(tx: DbTx, articleId: string, paths: string[]): Promise<void> {
  await tx.gonePath.createMany({ data: paths.map((path) => ({ path, articleId })), skipDuplicates: true });
}
