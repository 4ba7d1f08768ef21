/**
 * Tags as readers see them, for /tag/{slug}. A tag is public only while at least one published article carries it:
 * editors may create a tag for a story that is still a draft, and its name alone must not leak that story.
 */
import "server-only";
import { getDb, getPublicReadDb } from "@/lib/db";
import { SLUG_PATTERN } from "@/lib/content/slug";
import { assertCan } from "@/lib/auth/permissions";
import type { SessionUser } from "./types";
import { publishedWhere } from "./articles";
import { CacheTags, publicQuery } from "./cache";

export type PublicTag = { id: string; name: string; slug: string };

/**
 * The tag with this slug, or null when there is none or none of its articles is published. Cached under the tag's
 * own cache tag, which every publish or unpublish of one of its articles expires (tagsForArticle).
 */
export const getTagBySlug = publicQuery(
  "getTagBySlug",
  async (slug: string): Promise<PublicTag | null> => {
    if (!SLUG_PATTERN.test(slug)) return null;
    return getPublicReadDb().tag.findFirst({
      where: { slug, articles: { some: { article: publishedWhere() } } },
      select: { id: true, name: true, slug: true },
    });
  },
  { tags: (slug) => [CacheTags.tag(slug)], buildFallback: null },
);

/** Every tag name, for the editor's suggestions (staff only: a draft's tag may name an unpublished story). */
export async function listTagNames(actor: SessionUser): Promise<string[]> {
  assertCan(actor.role, "dashboard:access");
  const rows = await getDb().tag.findMany({ orderBy: { name: "asc" }, select: { name: true }, take: 2000 });
  return rows.map((r) => r.name);
}
