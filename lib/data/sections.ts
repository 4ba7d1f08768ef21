/** Sections, in the admins' order (the order of the public navigation). Public data: no actor needed to read. */
import "server-only";
import { getDb } from "@/lib/db";
import { CacheTags, publicQuery } from "./cache";

/** Section slugs that would shadow the site's own routes. Creating or renaming a section to one of these is refused. */
export const RESERVED_SECTION_SLUGS = new Set([
  "search", "login", "logout", "dashboard", "admin", "api", "tag", "tags", "author", "authors", "feed", "feeds",
  "feed.xml", "atom.xml", "feed.json", "rss", "sitemap", "sitemap.xml", "sitemaps", "news-sitemap.xml", "robots.txt",
  "page", "preview", "invite", "reset-password", "accept-invitation", "_next", "static", "media", "favicon.ico",
  "opengraph-image", "og", "404", "500",
]);

export const listSections = publicQuery(
  "listSections",
  async () =>
    getDb().section.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, description: true },
    }),
  { tags: () => [CacheTags.site], buildFallback: [] },
);

export const getSectionBySlug = publicQuery(
  "getSectionBySlug",
  async (slug: string) =>
    getDb().section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } }),
  { tags: (slug) => [CacheTags.section(slug)], buildFallback: null },
);

/** The current slug of a section that was renamed from `oldSlug`, or null. */
export const resolveSectionSlug = publicQuery(
  "resolveSectionSlug",
  async (oldSlug: string) => {
    const redirect = await getDb().slugRedirect.findUnique({ where: { entity_oldSlug: { entity: "SECTION", oldSlug } }, select: { targetId: true } });
    if (!redirect) return null;
    const section = await getDb().section.findUnique({ where: { id: redirect.targetId }, select: { slug: true } });
    return section?.slug ?? null;
  },
  { tags: (slug) => [CacheTags.section(slug)], buildFallback: null },
);
