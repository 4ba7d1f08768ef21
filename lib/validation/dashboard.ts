import { z } from "zod";
import { ARTICLE_STATUSES } from "@/lib/article-status";
import { text } from "@/lib/validation/text";

/** The dashboard list's query string; anything unknown or malformed falls back to the default. */
export const DashboardQuerySchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  section: z.string().max(40).optional().catch(undefined),
  author: z.string().max(40).optional().catch(undefined),
  mine: z.enum(["1"]).optional().catch(undefined),
  q: text().max(200).optional().catch(undefined),
  sort: z.enum(["updated", "created", "headline", "published"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  /** Set by the editor's "Delete article" on its way here: the page says it is done. */
  deleted: z.enum(["1"]).optional().catch(undefined),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;
