"use server";

/**
 * The editor's server actions: workflow transitions, corrections, notes, previews, revisions and presence.
 * Each one re-checks the session, parses its input with zod, and lets the data layer enforce the permission map.
 * (Saving content is PUT /api/articles/:id.)
 */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { failure, type ActionResult } from "@/lib/actions/result";
import { getSiteSettings } from "@/lib/data/settings";
import { addNote } from "@/lib/data/notes";
import { heartbeat, leave, takeOver } from "@/lib/data/presence";
import { createPreviewLink, revokePreviewLink } from "@/lib/data/previews";
import { getRevision, restoreRevision } from "@/lib/data/revisions";
import { addCorrection, cancelSchedule, publishArticle, scheduleArticle, sendBack, submitForReview, unpublishArticle } from "@/lib/data/workflow";
import { zonedTimeToUtc } from "@/lib/format";
import { CorrectionSchema, NoteSchema, ScheduleSchema } from "@/lib/validation/articles";

const Id = z.string().min(1).max(40);

async function run<T>(fn: () => Promise<T>, path?: string): Promise<ActionResult<T>> {
  try {
    const data = await fn();
    if (path) revalidatePath(path);
    return { ok: true, data } as ActionResult<T>;
  } catch (error) {
    return failure(error);
  }
}

const editorPath = (id: string) => `/dashboard/articles/${id}`;

export async function submitForReviewAction(articleId: string) {
  const user = await requireUser();
  return run(async () => (await submitForReview(user, Id.parse(articleId))).status, editorPath(articleId));
}

export async function sendBackAction(articleId: string, note: string) {
  const user = await requireUser();
  const parsed = NoteSchema.safeParse({ articleId, body: note });
  if (!parsed.success) return failure(parsed.error);
  return run(async () => (await sendBack(user, parsed.data.articleId, parsed.data.body)).status, editorPath(parsed.data.articleId));
}

export async function publishAction(articleId: string) {
  const user = await requireUser();
  return run(async () => (await publishArticle(user, Id.parse(articleId))).status, editorPath(articleId));
}

export async function scheduleAction(articleId: string, at: string) {
  const user = await requireUser();
  const parsed = ScheduleSchema.safeParse({ articleId, at });
  if (!parsed.success) return failure(parsed.error);
  const { timeZone } = await getSiteSettings();
  return run(async () => (await scheduleArticle(user, parsed.data.articleId, zonedTimeToUtc(parsed.data.at, timeZone))).status, editorPath(parsed.data.articleId));
}

export async function cancelScheduleAction(articleId: string) {
  const user = await requireUser();
  return run(async () => (await cancelSchedule(user, Id.parse(articleId))).status, editorPath(articleId));
}

export async function unpublishAction(articleId: string) {
  const user = await requireUser();
  return run(async () => (await unpublishArticle(user, Id.parse(articleId))).status, editorPath(articleId));
}

export async function addCorrectionAction(input: { articleId: string; kind: string; text: string }) {
  const user = await requireUser();
  const parsed = CorrectionSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error);
  return run(async () => (await addCorrection(user, parsed.data)).id, editorPath(parsed.data.articleId));
}

export async function addNoteAction(articleId: string, body: string) {
  const user = await requireUser();
  const parsed = NoteSchema.safeParse({ articleId, body });
  if (!parsed.success) return failure(parsed.error);
  return run(async () => (await addNote(user, parsed.data.articleId, parsed.data.body)).id, editorPath(parsed.data.articleId));
}

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

export async function heartbeatAction(articleId: string) {
  const user = await requireUser();
  return run(async () => heartbeat(user, Id.parse(articleId)));
}

export async function takeOverAction(articleId: string) {
  const user = await requireUser();
  return run(async () => takeOver(user, Id.parse(articleId)));
}

export async function leaveAction(articleId: string) {
  const user = await requireUser();
  return run(async () => leave(user, Id.parse(articleId)));
}
