/** Shapes of live coverage input (entries, the composer's draft, coverage), shared by the composer and its actions. */
import { z } from "zod";
import { DocumentSchema } from "@/lib/content/document";
import { text } from "@/lib/validation/text";
import { RecordIdSchema, VersionSchema } from "./articles";

export const LIVE_TITLE_MAX = 200;

const EntryContentSchema = z.object({
  title: text().max(LIVE_TITLE_MAX, `Keep the title under ${LIVE_TITLE_MAX} characters`),
  body: DocumentSchema,
  isKeyEvent: z.boolean(),
  isPinned: z.boolean(),
  /** Co-authors of the entry besides the person posting it. */
  authorIds: z.array(RecordIdSchema).max(10, "Use at most 10 authors").default([]),
});

export const LiveEntryPostSchema = EntryContentSchema.extend({ articleId: RecordIdSchema });
export type LiveEntryPost = z.infer<typeof LiveEntryPostSchema>;

export const LiveEntryEditSchema = EntryContentSchema.extend({
  entryId: RecordIdSchema,
  /** The entry's version the edit was based on: a newer one (someone else's edit) is refused, not overwritten. */
  baseVersion: VersionSchema,
});
export type LiveEntryEdit = z.infer<typeof LiveEntryEditSchema>;

export const LiveEntryRefSchema = z.object({ entryId: RecordIdSchema });

export const LiveDraftSchema = EntryContentSchema.omit({ authorIds: true }).extend({ articleId: RecordIdSchema });
export type LiveDraft = z.infer<typeof LiveDraftSchema>;

export const CoverageSchema = z.object({ articleId: RecordIdSchema });
