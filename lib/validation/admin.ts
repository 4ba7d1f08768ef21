/**
 * Zod schemas for the admin area's forms (sections, tags, site settings, ad slots, the audit filters) and the URL
 * rule every admin-entered link follows. Shared by the forms' server actions; the data layer trusts their output.
 */
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { SLUG_PATTERN, slugify } from "@/lib/content/slug";
import { zonedTimeToUtc } from "@/lib/dates";
import { SectionInputSchema } from "./sections";

/** A link readers may follow or load: http(s) only, or a path on this site. Never javascript:, data: and the like. */
export function isSafeWebUrl(value: string): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\");
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

const URL_HINT = "Enter a web address starting with https:// (or a path on this site starting with /)";

/** An optional URL field: empty becomes null. */
export const OptionalUrlSchema = text()
  .max(500, "Use at most 500 characters")
  .refine((v) => v === "" || isSafeWebUrl(v), URL_HINT)
  .transform((v) => v || null);

/** An ad's image: https (the site's pages load images over https only) or a path on this site. */
export function isAdImageUrl(value: string): boolean {
  return isSafeWebUrl(value) && (value.startsWith("/") || value.startsWith("https://"));
}

const IMAGE_URL_HINT = "Enter the image's address starting with https:// (or a path on this site starting with /)";

/** A row id posted by an admin form (hidden field). */
export const IdSchema = text().min(1, "Missing id").max(64, "Invalid id");

// Sections ---------------------------------------------------------------------------------------------------------

/** Top-level paths the staff pages own that are not in RESERVED_SECTION_SLUGS (yet). */
const MORE_RESERVED_SLUGS = new Set(["forgot-password", "reset-password", "invite", "profile", "settings", "users"]);

export const AdminSectionInputSchema = SectionInputSchema.superRefine((input, ctx) => {
  if (MORE_RESERVED_SLUGS.has(input.slug)) ctx.addIssue({ code: "custom", path: ["slug"], message: "That slug is used by the site itself; choose another" });
});
export type AdminSectionInput = z.infer<typeof AdminSectionInputSchema>;

export const SectionMoveSchema = z.object({ sectionId: IdSchema, direction: z.enum(["up", "down"], { error: "Choose up or down" }) });

// Tags -------------------------------------------------------------------------------------------------------------

export const TagInputSchema = z
  .object({
    name: text().min(1, "Enter a name").max(60, "Use at most 60 characters"),
    slug: text().max(80, "Use at most 80 characters").default(""),
  })
  .transform((input) => ({ name: input.name, slug: input.slug || slugify(input.name) }))
  .superRefine((input, ctx) => {
    if (!SLUG_PATTERN.test(input.slug)) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: "Use lower-case letters, digits and single dashes (e.g. city-council)" });
    }
  });
export type TagInput = z.infer<typeof TagInputSchema>;

export const TagMergeSchema = z
  .object({ sourceId: IdSchema, targetId: text().min(1, "Choose the tag to merge into").max(64) })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: "Choose a different tag to merge into" });

// Site settings ----------------------------------------------------------------------------------------------------

export function isValidLocale(value: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return Boolean(canonical) && Intl.DateTimeFormat.supportedLocalesOf([value]).length > 0;
  } catch {
    return false;
  }
}

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 locale this server's Intl can write dates in, in its canonical spelling ("es-mx" → "es-MX"). */
export const LocaleSchema = text()
  .min(2, "Enter a locale such as en-US or es-MX")
  .max(35, "Enter a locale such as en-US or es-MX")
  .refine(isValidLocale, "That is not a locale this server knows; use a tag such as en-US or es-MX")
  .transform((v) => Intl.getCanonicalLocales(v)[0] ?? v);

const SOCIAL_LABELS = { x: "X", facebook: "Facebook", instagram: "Instagram", linkedin: "LinkedIn", youtube: "YouTube", tiktok: "TikTok", whatsapp: "WhatsApp" } as const;
export { SOCIAL_LABELS };

const SocialUrlSchema = text()
  .max(500, "Use at most 500 characters")
  .refine((v) => v === "" || (isSafeWebUrl(v) && !v.startsWith("/")), "Enter the full address of the profile, starting with https://");

export const SiteSettingsSchema = z.object({
  siteName: text().min(1, "Enter the site's name").max(80, "Use at most 80 characters"),
  description: text().max(300, "Use at most 300 characters"),
  logoUrl: OptionalUrlSchema,
  locale: LocaleSchema,
  timeZone: text()
    .min(1, "Choose a time zone")
    .max(64, "Choose a time zone from the list")
    .refine(isValidTimeZone, "That is not a time zone; choose one from the list (e.g. America/Monterrey)"),
  // Left out of the form (an older page): kept as it is.
  brandColor: z
    .string()
    .regex(/^(#[0-9a-fA-F]{6})?$/, "Choose a colour, written as #rrggbb")
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  socialLinks: z.object(
    Object.fromEntries(Object.keys(SOCIAL_LABELS).map((k) => [k, SocialUrlSchema])) as Record<keyof typeof SOCIAL_LABELS, typeof SocialUrlSchema>,
  ),
});
export type SiteSettingsFormInput = z.infer<typeof SiteSettingsSchema>;

// Ad slots ---------------------------------------------------------------------------------------------------------

export const AD_PLACEMENTS = ["HEADER", "IN_ARTICLE", "SIDEBAR"] as const;
export const AD_KINDS = ["IMAGE", "HTML"] as const;

export const AdSlotSchema = z
  .object({
    name: text().min(1, "Enter a name for this slot").max(80, "Use at most 80 characters"),
    placement: z.enum(AD_PLACEMENTS, { error: "Choose where the ad appears" }),
    enabled: z.boolean(),
    kind: z.enum(AD_KINDS, { error: "Choose an image or an HTML snippet" }),
    imageUrl: text().max(500, "Use at most 500 characters"),
    linkUrl: text().max(500, "Use at most 500 characters"),
    altText: text().max(200, "Use at most 200 characters"),
    html: text().max(20_000, "Use at most 20,000 characters"),
    position: z.coerce.number({ error: "Enter a number" }).int("Enter a whole number").min(0, "Use 0 or more").max(999, "Use at most 999"),
  })
  .superRefine((ad, ctx) => {
    if (ad.kind === "IMAGE") {
      if (!isAdImageUrl(ad.imageUrl)) ctx.addIssue({ code: "custom", path: ["imageUrl"], message: IMAGE_URL_HINT });
      if (ad.linkUrl && !isSafeWebUrl(ad.linkUrl)) ctx.addIssue({ code: "custom", path: ["linkUrl"], message: URL_HINT });
      if (!ad.altText) ctx.addIssue({ code: "custom", path: ["altText"], message: "Describe the image for people who cannot see it" });
    } else if (!ad.html) {
      ctx.addIssue({ code: "custom", path: ["html"], message: "Paste the HTML snippet of the ad" });
    }
  });
export type AdSlotFormInput = z.infer<typeof AdSlotSchema>;

/** The house message of empty ad slots, and the paragraph the in-article slot follows. */
export const AdSettingsSchema = z
  .object({
    houseAdEnabled: z.boolean(),
    houseAdText: text().max(200, "Use at most 200 characters"),
    houseAdLinkUrl: text().max(500, "Use at most 500 characters").refine((v) => v === "" || isSafeWebUrl(v), URL_HINT),
    adParagraph: z.coerce.number({ error: "Enter a number" }).int("Enter a whole number").min(1, "Use 1 or more").max(20, "Use at most 20"),
  })
  .refine((v) => !v.houseAdEnabled || v.houseAdText !== "", { path: ["houseAdText"], message: "Write the message, or turn the house message off" });

// Audit log --------------------------------------------------------------------------------------------------------

const DateSchema = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-11-28")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "That is not a real date");

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const AuditQuerySchema = z
  .object({
    action: optional(text().max(100, "Choose an action from the list")),
    actor: optional(text().max(320, "Use at most 320 characters")),
    from: optional(DateSchema),
    to: optional(DateSchema),
    page: optional(z.coerce.number().int().min(1).max(100_000)).catch(undefined),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "The end date is before the start date" });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** The audit query's calendar days, read in the newsroom's time zone, as the instants the data layer filters on. */
export function auditFiltersFromQuery(query: AuditQuery, timeZone: string) {
  const nextDay = (day: string) => {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  };
  return {
    action: query.action,
    actor: query.actor,
    from: query.from ? zonedTimeToUtc(`${query.from}T00:00`, timeZone) : undefined,
    to: query.to ? zonedTimeToUtc(`${nextDay(query.to)}T00:00`, timeZone) : undefined,
  };
}
