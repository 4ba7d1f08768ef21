"use server";

/** An article's revision history (the editor's Revisions panel): read one revision, restore one. */
import { z } from "zod";
import { editorPage } from "@/lib/actions/editor-page";
import { ok, staffAction } from "@/lib/actions/safe-action";
import { getRevision, restoreRevision } from "@/lib/data/articles/revisions";
import { ArticleRefSchema, RecordIdSchema } from "@/lib/validation/articles";

export const getRevisionAction = staffAction(
  { schema: z.object({ revisionId: RecordIdSchema }), input: (revisionId: string) => ({ revisionId }) },
  async ({ revisionId }, { user }) => {
    const r = await getRevision(user, revisionId);
    return ok({ id: r.id, headline: r.headline, dek: r.dek, bodyText: r.bodyText, body: r.body, createdAt: r.createdAt.toISOString(), author: r.author.name, version: r.version, kind: r.kind });
  },
);

export const restoreRevisionAction = staffAction(
  {
    schema: ArticleRefSchema.extend({ revisionId: RecordIdSchema }),
    input: (articleId: string, revisionId: string) => ({ articleId, revisionId }),
    revalidate: editorPage,
  },
  async ({ revisionId }, { user }) => ok((await restoreRevision(user, revisionId)).version),
);
