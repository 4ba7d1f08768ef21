"use server";

/** Editorial notes on an article (the editor's Notes panel). lib/data/articles/notes checks who may read and write them. */
import { editorPage } from "@/lib/actions/editor-page";
import { ok, staffAction } from "@/lib/actions/safe-action";
import { addNote } from "@/lib/data/articles/notes";
import { NoteSchema } from "@/lib/validation/articles";

export const addNoteAction = staffAction(
  { schema: NoteSchema, input: (articleId: string, body: string) => ({ articleId, body }), revalidate: editorPage },
  async ({ articleId, body }, { user }) => ok((await addNote(user, articleId, body)).id),
);
