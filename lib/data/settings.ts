/** Site settings (one row, id 1, with defaults when missing) and the house ad slots. Cached with the "site" tag. */
import "server-only";
import { getPublicReadDb } from "@/lib/db";
import { CacheTags, publicQuery } from "./cache";

export type SiteSettings = { siteName: string; description: string; locale: string; timeZone: string; logoUrl: string | null };

const DEFAULTS: SiteSettings = {
  siteName: "Dateline",
  description: "News from the north of Mexico and the border, reported by the Dateline newsroom.",
  locale: "en-US",
  timeZone: "America/Monterrey",
  logoUrl: null,
};

export const getSiteSettings = publicQuery(
  "getSiteSettings",
  async (): Promise<SiteSettings> => {
    const row = await getPublicReadDb().settings.findUnique({
      where: { id: 1 },
      select: { siteName: true, description: true, locale: true, timeZone: true, logoUrl: true },
    });
    return row ?? DEFAULTS;
  },
  { tags: () => [CacheTags.site], buildFallback: DEFAULTS },
);

export const listAdSlots = publicQuery(
  "listAdSlots",
  async (placement: "HEADER" | "IN_ARTICLE" | "SIDEBAR") =>
    getPublicReadDb().adSlot.findMany({
      where: { placement, enabled: true },
      orderBy: { position: "asc" },
      select: { id: true, kind: true, imageUrl: true, linkUrl: true, altText: true, name: true, html: true },
    }),
  { tags: () => [CacheTags.site], buildFallback: [] },
);
