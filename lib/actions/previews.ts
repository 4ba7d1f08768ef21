"use server";

/** Share previews of an unpublished article (the editor's Preview panel): create and revoke links. */
import { editorPage } from "@/lib/actions/editor-page";
import { ok, staffAction } from "@/lib/actions/safe-action";
import { createPreviewLink, revokePreviewLink } from "@/lib/data/articles/previews";
import { ArticleRefSchema, RecordIdSchema } from "@/lib/validation/articles";

export const createPreviewAction = staffAction(
  { schema: ArticleRefSchema, input: (articleId: string) => ({ articleId }), revalidate: editorPage },
  async ({ articleId }, { user }) => {
    const link = await createPreviewLink(user, articleId);
    return ok({ path: link.path, expiresAt: link.expiresAt.toISOString() });
  },
);

export const revokePreviewAction = staffAction(
  {
    schema: ArticleRefSchema.extend({ linkId: RecordIdSchema }),
    input: (articleId: string, linkId: string) => ({ articleId, linkId }),
    revalidate: editorPage,
  },
  async ({ linkId }, { user }) => ok(await revokePreviewLink(user, linkId)),
);
