/** Site settings: one row (id 1), created with defaults when missing. */
import "server-only";
import { getDb } from "@/lib/db";

export type SiteSettings = { siteName: string; description: string; locale: string; timeZone: string };

const DEFAULTS: SiteSettings = {
  siteName: "Dateline",
  description: "News from the north of Mexico and the border, reported by the Dateline newsroom.",
  locale: "en-US",
  timeZone: "America/Monterrey",
};

export async function getSiteSettings(): Promise<SiteSettings> {
  const row = await getDb().settings.findUnique({
    where: { id: 1 },
    select: { siteName: true, description: true, locale: true, timeZone: true },
  });
  return row ?? DEFAULTS;
}

export async function listAdSlots(placement: "HEADER" | "IN_ARTICLE" | "SIDEBAR") {
  return getDb().adSlot.findMany({
    where: { placement, enabled: true },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, imageUrl: true, linkUrl: true, altText: true, name: true },
  });
}
