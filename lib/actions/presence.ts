"use server";

/** Who else has the article open in the editor: heartbeat, take over, leave (lib/data/articles/presence). */
import { ok, staffAction } from "@/lib/actions/safe-action";
import { heartbeat, leave, takeOver } from "@/lib/data/articles/presence";
import type { SessionUser } from "@/lib/data/types";
import { ArticleRefSchema } from "@/lib/validation/articles";

function presenceAction<T>(act: (user: SessionUser, articleId: string) => Promise<T>) {
  return staffAction({ schema: ArticleRefSchema, input: (articleId: string) => ({ articleId }) }, async ({ articleId }, { user }) => ok(await act(user, articleId)));
}

export const heartbeatAction = presenceAction(heartbeat);
export const takeOverAction = presenceAction(takeOver);
export const leaveAction = presenceAction(leave);
