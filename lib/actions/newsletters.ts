"use server";

/**
 * "Send as breaking alert" from the article editor's status panel: the published story goes at once to the breaking
 * news list. lib/data/newsletters/editions.ts checks newsletter:send, that the article is published, and audits it.
 */
import { editorPage } from "@/lib/actions/editor-page";
import { ok, staffAction } from "@/lib/actions/safe-action";
import { sendBreakingAlert } from "@/lib/data/newsletters/editions";
import { copies } from "@/lib/newsletters/lists";
import { BreakingAlertSchema } from "@/lib/validation/newsletters";

/** The answer is the new edition's id, with the sentence the panel shows. */
export const sendAsBreakingAlertAction = staffAction(
  { schema: BreakingAlertSchema, input: (articleId: string) => ({ articleId }), revalidate: (input) => [editorPage(input), "/dashboard/newsletters"] },
  async ({ articleId }, { user }) => {
    const { id, queued } = await sendBreakingAlert(user, articleId);
    return ok(id, `The breaking alert is on its way to ${copies(queued)}.`);
  },
);
