"use server";

/**
 * The editor's workflow actions: transitions (submit, send back, publish, schedule, cancel, unpublish) and
 * corrections. Each re-checks the session, parses its input with zod, and lets lib/data/workflow enforce the
 * permission map. (Saving content is PUT /api/articles/:id.)
 */
import { requireUser } from "@/lib/auth/session";
import { failure } from "@/lib/actions/result";
import { editorPath, Id, run } from "@/lib/actions/run";
import { getSiteSettings } from "@/lib/data/settings";
import { addCorrection, cancelSchedule, publishArticle, scheduleArticle, sendBack, submitForReview, unpublishArticle } from "@/lib/data/workflow";
import { zonedTimeToUtc } from "@/lib/format";
import { CorrectionSchema, NoteSchema, ScheduleSchema } from "@/lib/validation/articles";

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
