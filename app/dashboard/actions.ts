"use server";
/** "New article": creates an empty draft bylined to the user, in the chosen language edition, and opens it in the editor. */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { createDraftArticle } from "@/lib/data/articles/editor";
import { text } from "@/lib/validation/text";

export const createArticleAction = staffFormAction(
  {
    // Empty (a site with one edition shows no choice): the default edition. The data layer checks that it exists.
    schema: z.object({ editionId: text().max(10, "Choose an edition from the list") }),
    fields: ["editionId"],
    returnTo: "/dashboard",
    redirect: (id: string) => `/dashboard/articles/${id}`,
  },
  async ({ editionId }, { user }) => ok((await createDraftArticle(user, { editionId: editionId || undefined })).id),
);
