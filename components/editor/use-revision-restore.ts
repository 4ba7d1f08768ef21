"use client";

/**
 * Restoring a revision: what is on screen is stored first as a revision of its own (so it stays in the history), then
 * the server restores the revision's text as a new version. The shared document takes that text in, for everyone who
 * has the article open (lib/data/articles/shared-store.ts): nobody needs to reload.
 */
import { useCallback } from "react";
import { restoreRevisionAction } from "@/lib/actions/revisions";
import type { Saving } from "./use-saving";
import type { SharedDocument } from "./use-shared-document";

/** Restores a revision; resolves to why it could not, or null. */
export function useRevisionRestore(articleId: string, { flush, whenSynced }: SharedDocument, { finishChange }: Saving) {
  return useCallback(
    async (revisionId: string): Promise<string | null> => {
      if (!(await whenSynced(10_000))) return "You are offline: restore once this editor is connected again.";
      if (!(await flush("manual"))) return "Your current text could not be saved first, so nothing was restored.";
      const result = await restoreRevisionAction(articleId, revisionId).catch(() => null);
      if (!result) return "Could not reach the server. Try again.";
      if (!result.ok) return result.message;
      await finishChange();
      return null;
    },
    [articleId, finishChange, flush, whenSynced],
  );
}
