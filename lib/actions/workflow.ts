"use server";

/**
 * The editor's workflow actions: transitions (submit, send back, publish, schedule, cancel, unpublish) and
 * corrections. lib/data/articles/workflow enforces the permission map and which status may go where. (Saving content is
 * PUT /api/articles/:id.)
 */
import { editorPage } from "@/lib/actions/editor-page";
import { ok, staffAction } from "@/lib/actions/safe-action";
import type { ArticleStatus, SessionUser } from "@/lib/data/types";
import { getSiteSettings } from "@/lib/data/settings";
import { addCorrection, cancelSchedule, publishArticle, scheduleArticle, sendBack, submitForReview, unpublishArticle } from "@/lib/data/articles/workflow";
import { zonedTimeToUtc } from "@/lib/dates";
import { ArticleRefSchema, CorrectionSchema, NoteSchema, ScheduleSchema } from "@/lib/validation/articles";

/** A transition that needs nothing but the article; the answer is the article's new status. */
function transitionAction(move: (user: SessionUser, articleId: string) => Promise<{ status: ArticleStatus }>) {
  return staffAction(
    { schema: ArticleRefSchema, input: (articleId: string) => ({ articleId }), revalidate: editorPage },
    async ({ articleId }, { user }) => ok((await move(user, articleId)).status),
  );
}

export const submitForReviewAction = transitionAction(submitForReview);
export const publishAction = transitionAction(publishArticle);
export const cancelScheduleAction = transitionAction(cancelSchedule);
export const unpublishAction = transitionAction(unpublishArticle);

export const sendBackAction = staffAction(
  { schema: NoteSchema, input: (articleId: string, note: string) => ({ articleId, body: note }), revalidate: editorPage },
  async ({ articleId, body }, { user }) => ok((await sendBack(user, articleId, body)).status),
);

/** `at` is a wall-clock time in the newsroom's time zone (the site settings). */
export const scheduleAction = staffAction(
  { schema: ScheduleSchema, input: (articleId: string, at: string) => ({ articleId, at }), revalidate: editorPage },
  async ({ articleId, at }, { user }) => {
    const { timeZone } = await getSiteSettings();
    return ok((await scheduleArticle(user, articleId, zonedTimeToUtc(at, timeZone))).status);
  },
);

export const addCorrectionAction = staffAction(
  { schema: CorrectionSchema, input: (input: { articleId: string; kind: string; text: string }) => input, revalidate: editorPage },
  async (input, { user }) => ok((await addCorrection(user, input)).id),
);
