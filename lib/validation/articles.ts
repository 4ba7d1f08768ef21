/** Shapes of article input, shared by the editor (client) and its server actions. */
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { DocumentSchema } from "@/lib/content/document";
import { SLUG_PATTERN } from "@/lib/content/slug";

export const SEO_TITLE_MAX = 70;
export const SEO_DESCRIPTION_MIN = 50;
export const SEO_DESCRIPTION_MAX = 160;
export const MIN_BODY_WORDS = 50;

/** A row id as the editor sends it (an article, a revision, a preview link). */
export const RecordIdSchema = z.string().min(1).max(40);

/**
 * The version a change was based on (an article's, a live entry's). Versions are PostgreSQL integers: a larger number
 * is no version at all, and a refused article save records it in its CONFLICT revision, which the column cannot hold.
 */
export const VersionSchema = z.number().int().positive().max(2_147_483_647, "That version number is out of range: reload the page.");

/** The editor's actions that take only the article. */
export const ArticleRefSchema = z.object({ articleId: RecordIdSchema });

export const ArticleFieldsSchema = z.object({
  headline: text().max(200, "Keep the headline under 200 characters"),
  dek: text().max(400, "Keep the dek under 400 characters"),
  body: DocumentSchema,
  datelineCity: text().max(80, "Keep the dateline under 80 characters"),
  sectionId: z.string().min(1, "Choose a section").max(40),
  tags: z.array(text().min(1, "A tag cannot be empty").max(40, "Tags are at most 40 characters")).max(20, "Use at most 20 tags"),
  authorIds: z
    .array(z.string().min(1).max(40))
    .min(1, "An article needs at least one author")
    .max(10, "Use at most 10 authors")
    .refine((ids) => new Set(ids).size === ids.length, "Each author can appear once"),
  featuredImageId: z.string().max(40).nullable(),
  slug: text().max(80, "Keep the slug under 80 characters").regex(SLUG_PATTERN, "Use lower-case letters, digits and single dashes"),
  seoTitle: text().max(SEO_TITLE_MAX, `Keep the SEO title to ${SEO_TITLE_MAX} characters`),
  seoDescription: text().max(SEO_DESCRIPTION_MAX, `Keep the SEO description to ${SEO_DESCRIPTION_MAX} characters`),
});
export type ArticleFields = z.infer<typeof ArticleFieldsSchema>;

export const ArticleSaveSchema = ArticleFieldsSchema.extend({
  articleId: RecordIdSchema,
  baseVersion: VersionSchema,
  mode: z.enum(["autosave", "manual"]),
});
export type ArticleSave = z.infer<typeof ArticleSaveSchema>;

export const ScheduleSchema = z.object({
  articleId: RecordIdSchema,
  /** A local date and time in the site's time zone, from <input type="datetime-local">. */
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and a time"),
});

export const NoteSchema = z.object({
  articleId: RecordIdSchema,
  body: text().min(1, "Write a note").max(5000, "Keep notes under 5,000 characters"),
});

export const CorrectionSchema = z.object({
  articleId: RecordIdSchema,
  kind: z.enum(["CORRECTION", "UPDATE", "CLARIFICATION"]),
  text: text().min(10, "Describe the correction in a sentence").max(2000, "Keep it under 2,000 characters"),
});
