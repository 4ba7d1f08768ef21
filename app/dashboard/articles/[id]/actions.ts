"use server";
/**
 * The editor page's translation panel (docs/decisions/0029-language-editions.md): "Translate" makes a linked draft
 * in another edition and opens it; "Mark as up to date" clears a translation's outdated marker.
 */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { confirmTranslation, createTranslation } from "@/lib/data/articles/translations";
import { RecordIdSchema } from "@/lib/validation/articles";

const TranslateSchema = z.object({ articleId: RecordIdSchema, editionId: z.string().regex(/^[a-z]{2,3}$/, "Choose an edition.") });

export const translateArticleAction = staffFormAction(
  {
    schema: TranslateSchema,
    fields: ["articleId", "editionId"],
    returnTo: "/dashboard",
    redirect: (data: { id: string }) => `/dashboard/articles/${data.id}`,
  },
  async (input, { user }) => ok(await createTranslation(user, input)),
);

export const confirmTranslationAction = staffFormAction(
  {
    schema: z.object({ articleId: RecordIdSchema }),
    fields: ["articleId"],
    returnTo: "/dashboard",
    revalidate: (input) => `/dashboard/articles/${input.articleId}`,
  },
  async ({ articleId }, { user }) => {
    await confirmTranslation(user, articleId);
    return ok(undefined);
  },
);
