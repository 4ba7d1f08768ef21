import { z } from "zod";
import { text } from "@/lib/validation/text";
import { SLUG_PATTERN } from "@/lib/content/slug";

/** Section slugs that would shadow the site's own routes; a section may not take one. */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
  "search", "login", "logout", "dashboard", "admin", "api", "tag", "tags", "author", "authors", "feed", "feeds",
  "feed.xml", "atom.xml", "feed.json", "rss", "sitemap", "sitemap.xml", "sitemaps", "news-sitemap.xml", "robots.txt",
  "page", "preview", "invite", "reset-password", "forgot-password", "profile", "accept-invitation", "_next", "static", "media", "demo", "favicon.ico",
  "logo.png", "opengraph-image", "og", "404", "500", "gone", "icon.svg", "newsletters",
]);

export const SectionSlugSchema = text()
  .min(1, "Enter a slug")
  .max(60, "Use at most 60 characters")
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and single dashes (e.g. local-news)")
  .refine((slug) => !RESERVED_SECTION_SLUGS.has(slug), { message: "That slug is used by the site itself; choose another" });

export const SectionInputSchema = z.object({
  name: text().min(1, "Enter a name").max(60, "Use at most 60 characters"),
  slug: SectionSlugSchema,
  description: text().max(300, "Use at most 300 characters").default(""),
});
export type SectionInput = z.infer<typeof SectionInputSchema>;
