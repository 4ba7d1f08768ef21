"use client";

/**
 * Conflicts: a save refused because someone else saved first. Their version is fetched and shown beside mine, unless
 * nothing a reader sees differs (only the version moved, or theirs is mine landing late): then the save simply goes
 * again on top of theirs. Three ways out: keep theirs, keep mine, or merge by hand with mine shown beside the body.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { getCurrentArticleAction } from "@/lib/actions/editor";
import { documentToPlainText } from "@/lib/content/document";
import { contentKey, payloadOf } from "./content-key";
import type { CurrentArticle, EditorContext, SavePayload } from "./types";

export type ConflictState = { mine: SavePayload; theirs: CurrentArticle | null; error: string | null };


export function useConflicts({ articleId, saving, fields, setNotice }: EditorContext) {
  const router = useRouter();
  const { controller, connect, isBaseContent } = saving;
  const { loadCurrent, collect, focusBody } = fields;
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [busy, setBusy] = useState(false);
  /** Mine as plain text, shown read-only beside the body while merging by hand. */
  const [mergeText, setMergeText] = useState<string | null>(null);

  useEffect(() => {
    connect({
      onConflict: (mine, mode) => {
        setConflict({ mine, theirs: null, error: null });
        void (async () => {
          const result = await getCurrentArticleAction(articleId).catch(() => null);
          if (!result || !result.ok) {
            setConflict({ mine, theirs: null, error: `Their version could not be loaded (${result?.message ?? "no connection"}). Your text is kept on this device; reload the page to compare.` });
            return;
          }
          const theirs = result.data;
          const theirsPayload = payloadOf(theirs);
          // Only the version moved (a status change), or theirs is exactly mine (a save sent as a page closed landed
          // late): nothing would be lost, so save on top of theirs without asking.
          if (isBaseContent(theirsPayload) || contentKey(theirsPayload) === contentKey(mine)) {
            setConflict(null);
            const saver = controller();
            saver.resume(theirs.version);
            void saver.save(mode, { force: true });
            return;
          }
          setConflict({ mine, theirs, error: null });
          router.refresh(); // the refused save is now in the revision list
        })();
      },
    });
  }, [articleId, connect, controller, isBaseContent, router]);

  const keepTheirs = () => {
    if (!conflict?.theirs) return;
    loadCurrent(conflict.theirs);
    setConflict(null);
    setMergeText(null);
    setNotice("Their version is loaded. Yours is kept in the revision history.");
    focusBody();
  };

  const keepMine = async () => {
    if (!conflict?.theirs) return;
    setBusy(true);
    const saver = controller();
    saver.resume(conflict.theirs.version);
    setConflict(null);
    const result = await saver.save("manual", { force: true });
    setBusy(false);
    if (result === "saved") {
      setNotice("Your version was saved over theirs. Theirs is kept in the revision history.");
      router.refresh();
    }
  };

  const mergeByHand = () => {
    if (!conflict?.theirs) return;
    const mine = collect();
    setMergeText([mine.headline, mine.dek, documentToPlainText(mine.body)].filter((part) => part.trim()).join("\n\n"));
    loadCurrent(conflict.theirs);
    setConflict(null);
    setNotice("Their version is loaded. Copy what you need from your version, shown beside the body.");
  };

  return { conflict, busy, mergeText, doneMerging: () => setMergeText(null), keepTheirs, keepMine, mergeByHand };
}
