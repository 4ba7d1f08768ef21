/**
 * Site settings: the single Settings row (id 1), with defaults while it is missing. Every public page shows them, so
 * readers get them from the cache under the "site" tag, and each admin change expires that tag in its own
 * transaction and is audited with what changed. (The house ad slots are lib/data/ad-slots.ts.)
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, getPublicReadDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags, publicQuery } from "./cache";
import type { SessionUser } from "./types";

/** The social networks the site links to; values are profile URLs. */
export const SOCIAL_NETWORKS = ["x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "whatsapp"] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
export type SocialLinks = Partial<Record<SocialNetwork, string>>;

export type SiteSettings = { siteName: string; description: string; locale: string; timeZone: string; logoUrl: string | null };

export type SiteSettingsInput = {
  siteName: string;
  description: string;
  logoUrl: string | null;
  locale: string;
  timeZone: string;
  socialLinks: SocialLinks;
};

/** What the site shows while the Settings row is missing (before the seed, or in a fresh database). */
const PUBLIC_DEFAULTS: SiteSettings = {
  siteName: "Dateline",
  description: "News from the north of Mexico and the border, reported by the Dateline newsroom.",
  locale: "en-US",
  timeZone: "America/Monterrey",
  logoUrl: null,
};
const DEFAULTS: SiteSettingsInput = { ...PUBLIC_DEFAULTS, socialLinks: {} };

export const getSiteSettings = publicQuery(
  "getSiteSettings",
  async (): Promise<SiteSettings> => {
    const row = await getPublicReadDb().settings.findUnique({
      where: { id: 1 },
      select: { siteName: true, description: true, locale: true, timeZone: true, logoUrl: true },
    });
    return row ?? PUBLIC_DEFAULTS;
  },
  { tags: () => [CacheTags.site], buildFallback: PUBLIC_DEFAULTS },
);

function readSocialLinks(value: Prisma.JsonValue): SocialLinks {
  const links: SocialLinks = {};
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const network of SOCIAL_NETWORKS) {
      const url = (value as Record<string, unknown>)[network];
      if (typeof url === "string" && url) links[network] = url;
    }
  }
  return links;
}

export async function getSettingsForAdmin(actor: SessionUser): Promise<SiteSettingsInput & { updatedAt: Date | null }> {
  assertCan(actor.role, "settings:manage");
  const row = await getDb().settings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULTS, updatedAt: null };
  return {
    siteName: row.siteName,
    description: row.description,
    logoUrl: row.logoUrl,
    locale: row.locale,
    timeZone: row.timeZone,
    socialLinks: readSocialLinks(row.socialLinks),
    updatedAt: row.updatedAt,
  };
}

export async function updateSiteSettings(actor: SessionUser, input: SiteSettingsInput) {
  assertCan(actor.role, "settings:manage");
  return getDb().$transaction(async (tx) => {
    const before = await tx.settings.findUnique({ where: { id: 1 } });
    const previous: SiteSettingsInput = before
      ? { ...before, socialLinks: readSocialLinks(before.socialLinks) }
      : DEFAULTS;
    const data = {
      siteName: input.siteName,
      description: input.description,
      logoUrl: input.logoUrl,
      locale: input.locale,
      timeZone: input.timeZone,
      socialLinks: input.socialLinks as Prisma.InputJsonObject,
    };
    const saved = await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const changed = (["siteName", "description", "logoUrl", "locale", "timeZone", "socialLinks"] as const).filter(
      (key) => JSON.stringify(previous[key] ?? null) !== JSON.stringify(input[key] ?? null),
    );
    await writeAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "Settings",
      targetId: "1",
      details: { changed, ...Object.fromEntries(changed.filter((k) => k !== "socialLinks").map((k) => [k, input[k] ?? null])) },
    });
    await expirePublicTags(tx, [CacheTags.site]);
    return saved;
  });
}
