/**
 * Site settings: the single Settings row (id 1), with defaults while it is missing. Every public page shows them, so
 * readers get them from the cache under the "site" tag, and each admin change expires that tag in its own
 * transaction and is audited with what changed. The site settings and the ad settings (the house message of empty
 * ad slots, where the in-article slot stands) are two forms, so each is its own change. (The ad slots themselves are
 * lib/data/ad-slots.ts.)
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, getPublicReadDb } from "@/lib/db";
import type { DbTx } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ApiSettingsInput } from "@/lib/validation/api";
import { writeAudit } from "./audit";
import { CacheTags, expirePublicTags, publicQuery } from "./cache";
import type { SessionUser } from "./types";

/** The social networks the site links to; values are profile URLs. */
export const SOCIAL_NETWORKS = ["x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "whatsapp"] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
export type SocialLinks = Partial<Record<SocialNetwork, string>>;

/** What readers' pages use. `houseAd` is null unless the admins turned the house message on. */
export type SiteSettings = {
  siteName: string;
  description: string;
  locale: string;
  timeZone: string;
  logoUrl: string | null;
  socialLinks: SocialLinks;
  houseAd: { text: string; linkUrl: string } | null;
  adParagraph: number;
};

export type SiteSettingsInput = {
  siteName: string;
  description: string;
  logoUrl: string | null;
  locale: string;
  timeZone: string;
  /** The newsletters' accent colour (#rrggbb); left as it is when not given. */
  brandColor?: string;
  socialLinks: SocialLinks;
};

/** What the site shows while the Settings row is missing (before the seed, or in a fresh database). */
const DEFAULTS: SiteSettingsInput = {
  siteName: "Dateline",
  description: "News from the north of Mexico and the border, reported by the Dateline newsroom.",
  locale: "en-US",
  timeZone: "America/Monterrey",
  logoUrl: null,
  socialLinks: {},
};

export type AdSettingsInput = { houseAdEnabled: boolean; houseAdText: string; houseAdLinkUrl: string; adParagraph: number };

const AD_DEFAULTS: AdSettingsInput = { houseAdEnabled: false, houseAdText: "Your message could be here: advertise with us.", houseAdLinkUrl: "", adParagraph: 3 };

/** The newsletters' accent colour until an admin chooses one (the site's own accent). */
const DEFAULT_BRAND_COLOR = "#a4161a";

const PUBLIC_DEFAULTS: SiteSettings = { ...DEFAULTS, houseAd: null, adParagraph: AD_DEFAULTS.adParagraph };

export const getSiteSettings = publicQuery(
  "getSiteSettings",
  async (): Promise<SiteSettings> => {
    const row = await getPublicReadDb().settings.findUnique({ where: { id: 1 } });
    if (!row) return PUBLIC_DEFAULTS;
    return {
      siteName: row.siteName,
      description: row.description,
      locale: row.locale,
      timeZone: row.timeZone,
      logoUrl: row.logoUrl,
      socialLinks: readSocialLinks(row.socialLinks),
      houseAd: row.houseAdEnabled ? { text: row.houseAdText, linkUrl: row.houseAdLinkUrl } : null,
      adParagraph: row.adParagraph,
    };
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

export async function getSettingsForAdmin(actor: SessionUser): Promise<SiteSettingsInput & AdSettingsInput & { brandColor: string; updatedAt: Date | null }> {
  assertCan(actor.role, "settings:manage");
  const row = await getDb().settings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULTS, brandColor: DEFAULT_BRAND_COLOR, ...AD_DEFAULTS, updatedAt: null };
  return {
    houseAdEnabled: row.houseAdEnabled,
    houseAdText: row.houseAdText,
    houseAdLinkUrl: row.houseAdLinkUrl,
    adParagraph: row.adParagraph,
    siteName: row.siteName,
    description: row.description,
    logoUrl: row.logoUrl,
    locale: row.locale,
    timeZone: row.timeZone,
    brandColor: row.brandColor,
    socialLinks: readSocialLinks(row.socialLinks),
    updatedAt: row.updatedAt,
  };
}

type SettingsRow = NonNullable<Awaited<ReturnType<DbTx["settings"]["findUnique"]>>>;

/**
 * One change of the Settings row, in a transaction: written (created with the defaults when missing), audited with
 * the keys that changed and their new values (social links by key only: a list of addresses), and every public
 * page expired.
 */
async function changeSettings<I extends Record<string, unknown>>(actor: SessionUser, input: I, previous: (row: SettingsRow | null) => I, data: Prisma.SettingsCreateInput) {
  assertCan(actor.role, "settings:manage");
  return getDb().$transaction(async (tx) => {
    const before = previous(await tx.settings.findUnique({ where: { id: 1 } }));
    const saved = await tx.settings.upsert({ where: { id: 1 }, create: { ...data, id: 1 }, update: data });
    const changed = Object.keys(input).filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(input[key] ?? null));
    await writeAudit(tx, {
      actor,
      action: "settings.update",
      targetType: "Settings",
      targetId: "1",
      details: { changed, ...Object.fromEntries(changed.filter((k) => k !== "socialLinks").map((k) => [k, (input[k] ?? null) as Prisma.InputJsonValue])) },
    });
    await expirePublicTags(tx, [CacheTags.site]);
    return saved;
  });
}

export async function updateSiteSettings(actor: SessionUser, input: SiteSettingsInput) {
  const values: SiteSettingsInput = {
    siteName: input.siteName,
    description: input.description,
    logoUrl: input.logoUrl,
    locale: input.locale,
    timeZone: input.timeZone,
    ...(input.brandColor ? { brandColor: input.brandColor } : {}),
    socialLinks: input.socialLinks,
  };
  return changeSettings(actor, values, (row) => (row ? { ...row, socialLinks: readSocialLinks(row.socialLinks) } : { ...DEFAULTS, brandColor: DEFAULT_BRAND_COLOR }), {
    ...values,
    socialLinks: values.socialLinks as Prisma.InputJsonObject,
  });
}

/** The house message that fills empty ad slots (on or off, its text and link), and the in-article slot's paragraph. */
export async function updateAdSettings(actor: SessionUser, input: AdSettingsInput) {
  const values: AdSettingsInput = {
    houseAdEnabled: input.houseAdEnabled,
    houseAdText: input.houseAdText,
    houseAdLinkUrl: input.houseAdLinkUrl,
    adParagraph: input.adParagraph,
  };
  return changeSettings(actor, values, (row) => row ?? AD_DEFAULTS, values);
}

const API_DEFAULTS: ApiSettingsInput = { apiAnonymousAccess: false, apiRightsInfo: "", websubHubUrl: "" };

/** The Content API's and feeds' distribution settings (cached under "site", like the rest of the settings). */
export const getApiSettings = publicQuery(
  "getApiSettings",
  async (): Promise<ApiSettingsInput & { siteName: string }> => {
    const row = await getPublicReadDb().settings.findUnique({ where: { id: 1 }, select: { siteName: true, apiAnonymousAccess: true, apiRightsInfo: true, websubHubUrl: true } });
    return row ?? { ...API_DEFAULTS, siteName: DEFAULTS.siteName };
  },
  { tags: () => [CacheTags.site], buildFallback: { ...API_DEFAULTS, siteName: DEFAULTS.siteName } },
);

export async function getApiSettingsForAdmin(actor: SessionUser): Promise<ApiSettingsInput> {
  assertCan(actor.role, "settings:manage");
  const row = await getDb().settings.findUnique({ where: { id: 1 }, select: { apiAnonymousAccess: true, apiRightsInfo: true, websubHubUrl: true } });
  return row ?? API_DEFAULTS;
}

/** Anonymous access to the Content API, its rights statement, and the WebSub hub. */
export async function updateApiSettings(actor: SessionUser, input: ApiSettingsInput) {
  const values: ApiSettingsInput = { apiAnonymousAccess: input.apiAnonymousAccess, apiRightsInfo: input.apiRightsInfo, websubHubUrl: input.websubHubUrl };
  return changeSettings(actor, values, (row) => row ?? API_DEFAULTS, values);
}
