"use server";

/** An article's revision history (the editor's Revisions panel): read one revision, restore one. */
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { editorPath, Id, run } from "@/lib/actions/run";
import { getRevision, restoreRevision } from "@/lib/data/revisions";

export async function getRevisionAction(revisionId: string) {
  const user = await requireUser();
  return run(async () => {
    const r = await getRevision(user, Id.parse(revisionId));
    return { id: r.id, headline: r.headline, dek: r.dek, bodyText: r.bodyText, body: r.body, createdAt: r.createdAt.toISOString(), author: r.author.name, version: r.version, kind: r.kind };
  });
}

export async function restoreRevisionAction(articleId: string, revisionId: string, baseVersion: number) {
  const user = await requireUser();
  return run(async () => (await restoreRevision(user, Id.parse(revisionId), z.number().int().positive().parse(baseVersion))).version, editorPath(articleId));
}
