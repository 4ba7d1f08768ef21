"use server";
/** "New article": creates an empty draft bylined to the user and opens it in the editor. */
import { z } from "zod";
import { ok, staffAction } from "@/lib/actions/safe-action";
import { createDraftArticle } from "@/lib/data/articles/editor";

export const createArticleAction = staffAction(
  { schema: z.object({}), input: () => ({}), returnTo: "/dashboard", redirect: (id) => `/dashboard/articles/${id}` },
  async (_, { user }) => ok((await createDraftArticle(user)).id),
);
