/** The newsletters' forms: the public sign-up and preferences, the desk's editions, the admins' imports. */
import { z } from "zod";
import { PREFIXED_EDITION_ROUTES } from "@/lib/i18n/routes";
import { ListKeysSchema } from "@/lib/newsletters/lists";
import { text } from "./text";

/** The prefixed language edition a reader's form was on (its pages are under /{code}); anything else: the default. */
export const FormEditionSchema = z.enum(PREFIXED_EDITION_ROUTES).optional().catch(undefined);

export const SignUpSchema = z.object({
  email: text()
    .toLowerCase()
    .pipe(z.email("Enter an e-mail address, such as ana@example.com").max(254, "That address is too long")),
  lists: ListKeysSchema,
  source: z.enum(["footer", "article", "page"]).catch("page"),
  language: FormEditionSchema,
});

export const PreferencesSchema = z.object({ token: z.string().max(300), lists: ListKeysSchema });

const id = z.string().regex(/^[a-z0-9]{8,40}$/, "Not a valid id");

export const EditionInputSchema = z.object({
  id,
  subject: text().min(1, "Give the e-mail a subject").max(200, "Keep the subject under 200 characters"),
  intro: text().max(5_000, "Keep the introduction under 5,000 characters"),
  /** The articles in order, or null to leave them as they are. */
  items: z.array(id).max(60).nullable(),
});

export const EditionIdSchema = z.object({ id });
export const SectionEditionSchema = z.object({ sectionId: id });
export const BreakingAlertSchema = z.object({ articleId: id });

export const ScheduleEditionSchema = z.object({
  id,
  scheduledFor: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
});

export const SuppressionImportSchema = z.object({
  addresses: z.string().max(2_000_000, "Paste at most 2 MB of addresses at a time"),
  kind: z.enum(["bounce", "complaint"]),
});

export const SubscriberIdSchema = z.object({ id });
