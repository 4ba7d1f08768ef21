"use server";

/** Share previews of an unpublished article (the editor's Preview panel): create and revoke links. */
import { requireUser } from "@/lib/auth/session";
import { editorPath, Id, run } from "@/lib/actions/run";
import { createPreviewLink, revokePreviewLink } from "@/lib/data/previews";

export async function createPreviewAction(articleId: string) {
  const user = await requireUser();
  return run(async () => {
    const link = await createPreviewLink(user, Id.parse(articleId));
    return { path: link.path, expiresAt: link.expiresAt.toISOString() };
  }, editorPath(articleId));
}

export async function revokePreviewAction(articleId: string, linkId: string) {
  const user = await requireUser();
  return run(async () => revokePreviewLink(user, Id.parse(linkId)), editorPath(articleId));
}
