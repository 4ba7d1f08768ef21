"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { createDraftArticle } from "@/lib/data/editor";
import { failure, type ActionFailure } from "@/lib/actions/result";

/** "New article": creates an empty draft bylined to the user and opens it in the editor. */
export async function createArticleAction(): Promise<ActionFailure | void> {
  const user = await requireUser("/dashboard");
  let id: string;
  try {
    id = (await createDraftArticle(user)).id;
  } catch (error) {
    return failure(error);
  }
  redirect(`/dashboard/articles/${id}`);
}
