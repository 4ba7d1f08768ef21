"use client";

/**
 * Saving, now that the shared document stores itself (./use-shared-document.ts): the Save button asks for a store now
 * (a manual save makes a revision), and a status change (the workflow and pending-update panels) first waits until
 * the server has stored what this editor shows, so that it acts on the merged document everyone sees.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect } from "react";
import type { SharedDocument } from "./use-shared-document";

export function useSaving({ flush, whenSynced, status, facts }: SharedDocument, article: { editsLive: boolean; hasPendingUpdate: boolean }) {
  const router = useRouter();
  const isStopped = facts.ended !== null;

  // A journalist's first stored change of a released story starts its pending update: show its panel.
  const awaitsUpdatePanel = !article.editsLive && !article.hasPendingUpdate;
  useEffect(() => {
    if (awaitsUpdatePanel && status.kind === "saved") router.refresh();
  }, [awaitsUpdatePanel, router, status.kind]);

  const prepareChange = useCallback(async (): Promise<string | null> => {
    if (isStopped) return "This editor has stopped: reload the page.";
    // A page still connecting gets a few seconds; an editor that is offline does not act on a text others may change.
    if (!(await whenSynced(10_000))) return "You are offline: try again once this editor is connected, so that the change acts on what everyone sees.";
    return (await flush("autosave")) ? null : "Your latest changes could not be saved, so nothing was changed. Check the save status at the bottom of the form.";
  }, [flush, isStopped, whenSynced]);

  // The status (and the history) changed on the server; the text itself arrives through the shared document.
  const finishChange = useCallback(async () => router.refresh(), [router]);

  const submit = useCallback(() => {
    void flush("manual").then((saved) => saved && router.refresh());
  }, [flush, router]);

  return { status, prepareChange, finishChange, submit };
}

export type Saving = ReturnType<typeof useSaving>;
