/** Sections, in the admins' order (the order of the public navigation). Public data: no actor needed to read. */
import "server-only";
import { getPublicReadDb } from "@/lib/db";
import { CacheTags, publicQuery } from "./cache";


export const listSections = publicQuery(
  "listSections",
  async () =>
    getPublicReadDb().section.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, description: true },
    }),
  { tags: () => [CacheTags.site], buildFallback: [] },
);

export const getSectionBySlug = publicQuery(
  "getSectionBySlug",
  async (slug: string) =>
    getPublicReadDb().section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } }),
  { tags: (slug) => [CacheTags.section(slug)], buildFallback: null },
);

/** The current slug of a section that was renamed from `oldSlug`, or null. */
export const resolveSectionSlug = publicQuery(
  "resolveSectionSlug",
  async (oldSlug: string) => {
    const redirect = await getPublicReadDb().slugRedirect.findUnique({ where: { entity_oldSlug: { entity: "SECTION", oldSlug } }, select: { targetId: true } });
    if (!redirect) return null;
    const section = await getPublicReadDb().section.findUnique({ where: { id: redirect.targetId }, select: { slug: true } });
    return section?.slug ?? null;
  },
  { tags: (slug) => [CacheTags.section(slug)], buildFallback: null },
);
