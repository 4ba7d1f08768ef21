"use client";

/**
 * Restoring a revision: what is on screen is saved first (so it stays in the history), autosaves are held meanwhile,
 * and the editor then shows the restored version as the new base.
 */
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { restoreRevisionAction } from "@/lib/actions/revisions";
import type { EditorContext } from "./types";

/** Restores a revision; resolves to why it could not, or null. */
export function useRevisionRestore({ articleId, saving, fields }: EditorContext) {
  const { controller } = saving;
  const { reloadCurrent } = fields;
  const router = useRouter();
  return useCallback(
    async (revisionId: string): Promise<string | null> => {
      const saver = controller();
      saver.hold();
      try {
        if (!saver.isActive) return "Resolve the conflict above (or take over editing) first.";
        const saved = await saver.save("manual", { force: true });
        if (saved !== "saved") return "Your current text could not be saved first, so nothing was restored.";
        const result = await restoreRevisionAction(articleId, revisionId, saver.baseVersion).catch(() => null);
        if (!result) return "Could not reach the server. Try again.";
        if (!result.ok) return result.message;
        if (!(await reloadCurrent())) saver.baseVersion = result.data;
        router.refresh();
        return null;
      } finally {
        saver.release();
      }
    },
    [articleId, controller, reloadCurrent, router],
  );
}
