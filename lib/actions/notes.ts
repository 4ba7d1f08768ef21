"use server";

/** Editorial notes on an article (the editor's Notes panel). lib/data/notes checks who may read and write them. */
import { requireUser } from "@/lib/auth/session";
import { failure } from "@/lib/actions/result";
import { editorPath, run } from "@/lib/actions/run";
import { addNote } from "@/lib/data/notes";
import { NoteSchema } from "@/lib/validation/articles";

export async function addNoteAction(articleId: string, body: string) {
  const user = await requireUser();
  const parsed = NoteSchema.safeParse({ articleId, body });
  if (!parsed.success) return failure(parsed.error);
  return run(async () => (await addNote(user, parsed.data.articleId, parsed.data.body)).id, editorPath(parsed.data.articleId));
}
