/**
 * Zod schemas of the Content API and distribution: the query parameters of /api/v1 (each refusal names the parameter
 * and what it accepts: the route answers it as problem+json), and the admin forms for API keys, webhook endpoints
 * and the API settings.
 */
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/content/slug";
import { text } from "./text";

export const API_SCOPES = ["articles", "taxonomy", "search"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  articles: "Articles (lists and single articles)",
  taxonomy: "Sections, tags and authors",
  search: "Search",
};

export const WEBHOOK_EVENTS = [
  "article.published",
  "article.updated",
  "article.corrected",
  "article.unpublished",
  "live_entry.posted",
  "live_entry.updated",
  "live_entry.deleted",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The events by name, for the code that raises them (lib/data keeps "word.word" literals for audit actions). */
export const EVENT = {
  published: WEBHOOK_EVENTS[0],
  updated: WEBHOOK_EVENTS[1],
  corrected: WEBHOOK_EVENTS[2],
  unpublished: WEBHOOK_EVENTS[3],
  entryPosted: WEBHOOK_EVENTS[4],
  entryUpdated: WEBHOOK_EVENTS[5],
  entryDeleted: WEBHOOK_EVENTS[6],
} as const;

export const API_MAX_LIMIT = 100;
export const API_DEFAULT_LIMIT = 20;

const slug = (name: string) =>
  z
    .string()
    .max(100, `${name} is a slug of at most 100 characters.`)
    .regex(SLUG_PATTERN, `${name} is a slug: lower-case letters, digits and hyphens (as in the site's URLs).`);

const limit = z.coerce
  .number({ error: `limit must be a whole number from 1 to ${API_MAX_LIMIT}.` })
  .int(`limit must be a whole number from 1 to ${API_MAX_LIMIT}.`)
  .min(1, `limit must be a whole number from 1 to ${API_MAX_LIMIT}.`)
  .max(API_MAX_LIMIT, `limit must be a whole number from 1 to ${API_MAX_LIMIT}.`)
  .default(API_DEFAULT_LIMIT);

/** An edition's language code; whether the site has that edition is the route's question (a 400 that lists them). */
const language = z
  .string()
  .regex(/^[a-z]{2,3}$/, "language is a language edition's code, such as en or es.")
  .optional();

const cursor = z.string().max(200, "cursor is too long: pass the `next` cursor of the previous page unchanged.");
const format = z.enum(["json", "ninjs"], { error: "format is json (the default) or ninjs." }).optional();

export const ArticlesQuerySchema = z.object({
  language,
  section: slug("section").optional(),
  tag: slug("tag").optional(),
  author: slug("author").optional(),
  updated_since: z.iso
    .datetime({ offset: true, error: "updated_since is an RFC 3339 date-time with a time zone, such as 2026-12-01T00:00:00Z." })
    .optional(),
  cursor: cursor.optional(),
  limit,
  format,
});

export const ArticleQuerySchema = z.object({ format });
export const PagedQuerySchema = z.object({ language, cursor: cursor.optional(), limit });
export const LanguageQuerySchema = z.object({ language });

export const SearchApiQuerySchema = z.object({
  language,
  q: z.string().trim().min(1, "q is required: the words to search for.").max(200, "q can be up to 200 characters long."),
  page: z.coerce
    .number({ error: "page must be a whole number from 1 to 50." })
    .int("page must be a whole number from 1 to 50.")
    .min(1, "page must be a whole number from 1 to 50.")
    .max(50, "page must be a whole number from 1 to 50.")
    .default(1),
});

/** An article's id (a cuid) or a section's slug, as the first path segment of /api/v1/articles/…. */
export const PathSegmentSchema = z.string().max(100).regex(/^[a-z0-9-]+$/);

// Admin forms -----------------------------------------------------------------------------------------------------

const scopes = z
  .array(z.enum(API_SCOPES, { error: "Choose from the listed scopes." }))
  .min(1, "Choose at least one scope.")
  .transform((list) => [...new Set(list)]);

export const ApiKeyInputSchema = z.object({
  name: text().min(1, "Name the key after who uses it (an app, a partner).").max(100, "Use at most 100 characters."),
  scopes,
  rateLimit: z.coerce
    .number({ error: "Enter requests per minute, from 1 to 100,000." })
    .int("Enter a whole number of requests per minute.")
    .min(1, "Enter requests per minute, from 1 to 100,000.")
    .max(100_000, "Enter requests per minute, from 1 to 100,000."),
});
export type ApiKeyInput = z.infer<typeof ApiKeyInputSchema>;

const webUrl = (hint: string) =>
  text()
    .max(500, "Use at most 500 characters.")
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && url.username === "" && url.password === "";
      } catch {
        return false;
      }
    }, hint);

export const WebhookEndpointInputSchema = z.object({
  url: webUrl("Enter the endpoint's address, starting with https:// (no user name or password in it)."),
  description: text().max(200, "Use at most 200 characters."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Choose from the listed events." }))
    .min(1, "Choose at least one event.")
    .transform((list) => [...new Set(list)]),
});
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInputSchema>;

export const ApiSettingsSchema = z.object({
  apiAnonymousAccess: z.boolean({ error: "Say whether anyone may read the API without a key." }),
  apiRightsInfo: text().max(500, "Use at most 500 characters."),
  websubHubUrl: z.union([z.literal(""), webUrl("Enter the hub's address, starting with https://, or leave it empty.")]),
});
export type ApiSettingsInput = z.infer<typeof ApiSettingsSchema>;
