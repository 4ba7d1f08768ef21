/**
 * Tags a journalist proposes (docs/decisions/0017-the-writing-day.md). Creating a tag is the desk's (tag:create), but
 * a journalist may name one that does not exist yet: the name is kept on the article (or its pending update) as a
 * proposal (./content.ts, resolveTags), shown in the editor as "proposed" and never to readers, and the tag is created
 * when the article is published, by hand, by its schedule or by publishing its update: publishing is the desk's
 * approval. Until then an editor turns a proposal down by removing it from the article's tags.
 */
import "server-only";
import type { DbTx } from "@/lib/db/client";
import { slugify } from "@/lib/content/slug";
import { writeAudit } from "../audit";
import { CacheTags, expirePublicTags } from "../cache";
import { claimSlug } from "../slug-redirects";
import type { SessionUser } from "../types";

/**
 * In the publishing transaction: creates the article's proposed tags (or finds tags of the same name or slug made in
 * the meantime), adds them after its other tags and clears the proposals. `actor` is null for the scheduler. Returns
 * the slugs of the tags added.
 */
export async function adoptProposedTags(tx: DbTx, actor: SessionUser | null, articleId: string): Promise<string[]> {
  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { proposedTags: true, tags: { select: { tagId: true, position: true } } } });
  if (article.proposedTags.length === 0) return [];
  const carried = new Set(article.tags.map((t) => t.tagId));
  let position = Math.max(-1, ...article.tags.map((t) => t.position)) + 1;
  const added: string[] = [];
  for (const proposal of article.proposedTags) {
    const name = proposal.trim();
    const slug = slugify(name);
    if (!slug) continue;
    let tag = await tx.tag.findFirst({ where: { OR: [{ slug }, { name: { equals: name, mode: "insensitive" } }] }, select: { id: true, slug: true } });
    if (!tag) {
      tag = await tx.tag.create({ data: { name, slug }, select: { id: true, slug: true } });
      await claimSlug(tx, "TAG", slug);
      await writeAudit(tx, { actor, action: "tag.create", targetType: "Tag", targetId: tag.id, details: { name, proposedFor: articleId } });
    }
    if (carried.has(tag.id)) continue;
    carried.add(tag.id);
    await tx.articleTag.create({ data: { articleId, tagId: tag.id, position: position++ } });
    added.push(tag.slug);
  }
  await tx.article.update({ where: { id: articleId }, data: { proposedTags: [] } });
  // A page asked for before the tag existed may be cached as "not found".
  await expirePublicTags(tx, added.map(CacheTags.tag));
  return added;
}
