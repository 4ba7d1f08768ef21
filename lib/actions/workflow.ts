"use server";

/**
 * The editor's workflow actions: transitions (submit, send back, publish, schedule, cancel, unpublish), corrections,
 * the review of a pending update (submit, publish, send back, discard) and deleting an article. lib/data/articles
 * (workflow, updates, delete) enforces the permission map and which status may go where. (Saving content is
 * PUT /api/articles/:id.)
 */
import { editorPage } from "@/lib/actions/editor-page";
import { ok, staffAction } from "@/lib/actions/safe-action";
import type { ArticleStatus, SessionUser } from "@/lib/data/types";
import { getSiteSettings } from "@/lib/data/settings";
import { deleteArticle } from "@/lib/data/articles/delete";
import { discardUpdate, publishUpdate, sendBackUpdate, submitUpdate } from "@/lib/data/articles/updates";
import { addCorrection, cancelSchedule, publishArticle, scheduleArticle, sendBack, submitForReview, unpublishArticle } from "@/lib/data/articles/workflow";
import { zonedTimeToUtc } from "@/lib/dates";
import { ArticleRefSchema, CorrectionSchema, NoteSchema, ScheduleSchema } from "@/lib/validation/articles";

/** A change that needs nothing but the article; the answer is the new status (of the article, or of its update). */
function transitionAction(move: (user: SessionUser, articleId: string) => Promise<{ status: ArticleStatus | "DRAFT" | "IN_REVIEW" }>) {
  return staffAction(
    { schema: ArticleRefSchema, input: (articleId: string) => ({ articleId }), revalidate: editorPage },
    async ({ articleId }, { user }) => ok((await move(user, articleId)).status),
  );
}

export const submitForReviewAction = transitionAction(submitForReview);
export const publishAction = transitionAction(publishArticle);
export const cancelScheduleAction = transitionAction(cancelSchedule);
export const unpublishAction = transitionAction(unpublishArticle);

export const submitUpdateAction = transitionAction(submitUpdate);
export const publishUpdateAction = transitionAction(publishUpdate);
export const discardUpdateAction = transitionAction(discardUpdate);

/** A change with a note to the author: the answer is the new status. */
function noteAction(move: (user: SessionUser, articleId: string, note: string) => Promise<{ status: ArticleStatus }>) {
  return staffAction(
    { schema: NoteSchema, input: (articleId: string, note: string) => ({ articleId, body: note }), revalidate: editorPage },
    async ({ articleId, body }, { user }) => ok((await move(user, articleId, body)).status),
  );
}

export const sendBackAction = noteAction(sendBack);
export const sendBackUpdateAction = noteAction(sendBackUpdate);

/** Deleting ends on the dashboard, which says so. */
export const deleteArticleAction = staffAction(
  { schema: ArticleRefSchema, input: (articleId: string) => ({ articleId }), redirect: () => "/dashboard?deleted=1" },
  async ({ articleId }, { user }) => ok((await deleteArticle(user, articleId)).status),
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
