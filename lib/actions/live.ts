"use server";

/**
 * The live composer's actions (components/live/composer.tsx): coverage on and off, entries posted, edited and
 * deleted, the entry being written autosaved. lib/data/live checks that the person may edit the story. The composer
 * refreshes its own list; readers' pages hear of each change through the story's event stream.
 */
import { ok, staffAction } from "@/lib/actions/safe-action";
import { deleteEntry, editEntry, endCoverage, postEntry, startCoverage } from "@/lib/data/live/entries";
import { saveEntryDraft } from "@/lib/data/live/composer";
import { CoverageSchema, LiveDraftSchema, LiveEntryEditSchema, LiveEntryPostSchema, LiveEntryRefSchema, type LiveDraft, type LiveEntryEdit, type LiveEntryPost } from "@/lib/validation/live";

const composerPage = (articleId: string) => `/dashboard/articles/${articleId}/live`;

export const startCoverageAction = staffAction(
  { schema: CoverageSchema, input: (articleId: string) => ({ articleId }), returnTo: composerPage },
  async ({ articleId }, { user }) => ok((await startCoverage(user, articleId)).coverageStartAt.toISOString(), "Live coverage started."),
);

export const endCoverageAction = staffAction(
  { schema: CoverageSchema, input: (articleId: string) => ({ articleId }), returnTo: composerPage },
  async ({ articleId }, { user }) => ok((await endCoverage(user, articleId)).coverageEndAt.toISOString(), "Coverage ended."),
);

export const postLiveEntryAction = staffAction(
  { schema: LiveEntryPostSchema, input: (entry: LiveEntryPost) => entry },
  async (input, { user }) => ok((await postEntry(user, input)).id, "Posted."),
);

export const editLiveEntryAction = staffAction(
  { schema: LiveEntryEditSchema, input: (entry: LiveEntryEdit) => entry },
  async (input, { user }) => ok((await editEntry(user, input)).version, "Entry updated."),
);

export const deleteLiveEntryAction = staffAction(
  { schema: LiveEntryRefSchema, input: (entryId: string) => ({ entryId }) },
  async ({ entryId }, { user }) => ok((await deleteEntry(user, entryId)).id, "Entry deleted."),
);

export const saveLiveDraftAction = staffAction(
  { schema: LiveDraftSchema, input: (draft: LiveDraft) => draft },
  async (input, { user }) => ok((await saveEntryDraft(user, input)).savedAt.toISOString()),
);
