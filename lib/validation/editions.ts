/**
 * Zod schemas for language editions (docs/decisions/0033-editions-admin.md): an edition's settings on the admin
 * screen, readers' access to it, and a section's or tag's name in a non-default edition.
 */
import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/content/slug";
import { text } from "@/lib/validation/text";
import { IdSchema, LocaleSchema } from "./admin";
import { SectionSlugSchema } from "./sections";

/** PostgreSQL text-search configurations an edition's articles can be searched with (decision 0029), as staff read them. */
export const SEARCH_CONFIG_LABELS = { english: "English (stemming)", spanish: "Spanish (stemming, accents ignored)", simple: "Simple (whole words, accents ignored)" } as const;
export type SearchConfig = keyof typeof SEARCH_CONFIG_LABELS;
export const SEARCH_CONFIGS = Object.keys(SEARCH_CONFIG_LABELS) as [SearchConfig, ...SearchConfig[]];

/** An edition's code as posted by a form (hidden field or the language choice). */
export const EditionIdSchema = text().regex(/^[a-z]{2,3}$/, "Choose a language");

export const EditionFieldsSchema = z.object({
  name: text().min(1, "Enter the edition's name, in its own language").max(40, "Use at most 40 characters"),
  locale: LocaleSchema,
  searchConfig: z.enum(SEARCH_CONFIGS, { error: "Choose a search configuration" }),
  position: z.coerce.number({ error: "Enter a number" }).int("Enter a whole number").min(0, "Use 0 or more").max(999, "Use at most 999"),
});
export type EditionFields = z.infer<typeof EditionFieldsSchema>;

export const NewEditionSchema = z.object({ editionId: EditionIdSchema }).and(EditionFieldsSchema);

export const EditionAccessSchema = z.object({ editionId: EditionIdSchema, isPublic: z.enum(["on", "off"], { error: "Choose on or off" }).transform((v) => v === "on") });

const TranslatedName = text().min(1, "Enter the name in this edition's language").max(60, "Use at most 60 characters");

/** A section's name, slug and description in one edition; its slug follows the sections' rules (no reserved path). */
export const SectionTranslationSchema = z.object({
  sectionId: IdSchema,
  editionId: EditionIdSchema,
  name: TranslatedName,
  slug: SectionSlugSchema,
  description: text().max(300, "Use at most 300 characters").default(""),
});

export const TagTranslationSchema = z.object({
  tagId: IdSchema,
  editionId: EditionIdSchema,
  name: TranslatedName,
  slug: text().min(1, "Enter a slug").max(80, "Use at most 80 characters").regex(SLUG_PATTERN, "Use lower-case letters, digits and single dashes (e.g. city-council)"),
});

export type NameTranslation = { name: string; slug: string; description?: string };

/** One edition-name form's two buttons: "save" checks the fields, "remove" only needs whose name in which edition. */
const REMOVE = { intent: z.literal("remove"), editionId: EditionIdSchema };
const INTENT_ERROR = { error: "Choose Save or Remove" };

export const SectionTranslationIntentSchema = z.discriminatedUnion(
  "intent",
  [SectionTranslationSchema.extend({ intent: z.literal("save") }), z.object({ ...REMOVE, sectionId: IdSchema })],
  INTENT_ERROR,
);
export const TagTranslationIntentSchema = z.discriminatedUnion("intent", [TagTranslationSchema.extend({ intent: z.literal("save") }), z.object({ ...REMOVE, tagId: IdSchema })], INTENT_ERROR);
