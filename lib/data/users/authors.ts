/**
 * Staff as readers see them, for /author/{slug}: the public profile only (name, slug, bio, avatar, role), never the
 * email, status, sign-in history or anything else on the account.
 *
 * Who has a page: ACTIVE or DEACTIVATED staff with at least one published article. Bylines on published articles
 * link here, so former staff keep their page while their work stays up; staff who never published (admins, new
 * hires, invitees) do not get a public page that would only list the newsroom's accounts.
 */
import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { getPublicReadDb } from "@/lib/db";
import { SLUG_PATTERN } from "@/lib/content/slug";
import { publishedWhere } from "../articles/public";
import { CacheTags, publicQuery } from "../cache";

export type PublicAuthor = { id: string; name: string; slug: string; bio: string; avatarUrl: string | null; role: Role };

/**
 * The public profile for this slug, or null. Cached under the author's cache tag, which a publish or unpublish of
 * one of their articles expires (tagsForArticle); a profile edit must expire CacheTags.author(slug) too.
 */
export const getAuthorBySlug = publicQuery(
  "getAuthorBySlug",
  async (slug: string): Promise<PublicAuthor | null> => {
    if (!SLUG_PATTERN.test(slug)) return null;
    return getPublicReadDb().user.findFirst({
      where: {
        slug,
        status: { in: ["ACTIVE", "DEACTIVATED"] },
        authorships: { some: { article: publishedWhere() } },
      },
      select: { id: true, name: true, slug: true, bio: true, avatarUrl: true, role: true },
    });
  },
  { tags: (slug) => [CacheTags.author(slug)], buildFallback: null },
);
