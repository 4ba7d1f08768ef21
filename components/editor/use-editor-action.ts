"use client";

/**
 * Running one of the editor's status changes (the status panel, the pending update's panel): unsaved edits are saved
 * first and autosaves held meanwhile, then the server action, then the editor catches up with the article's new
 * version. The panel shows `failure` (with what the publish checklist misses) or the `notice` of a success.
 */
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";

export type ActionFailureView = { message: string; missing: string[] };

type Steps = {
  /** Saves pending edits; returns why it could not, or null. */
  prepare: () => Promise<string | null>;
  /** After the action (or a failed one): catch up with the new version and refresh the page's data. */
  finish: (changed: boolean) => Promise<void>;
};

export function useEditorAction({ prepare, finish }: Steps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailureView | null>(null);
  const [notice, setNotice] = useState("");

  const run = async (name: string, action: () => Promise<ActionResult<string> | void>, success: string, after?: () => void) => {
    setBusy(name);
    setFailure(null);
    setNotice("");
    try {
      const problem = await prepare();
      if (problem) {
        setFailure({ message: problem, missing: [] });
        await finish(false);
        return;
      }
      let result: ActionResult<string> | void;
      try {
        result = await action();
      } catch {
        result = { ok: false, status: 0, message: "Could not reach the server. Check the connection and try again." };
      }
      // No result: the action went on to another page.
      if (!result) return;
      await finish(result.ok);
      if (result.ok) {
        // An action may say more than the fixed sentence (how many readers an alert went to).
        setNotice(result.message ?? success);
        after?.();
      } else {
        setFailure({ message: result.message, missing: result.missing ?? [] });
      }
    } finally {
      setBusy(null);
    }
  };

  return { busy, isBusy: busy !== null, failure, notice, run };
}
