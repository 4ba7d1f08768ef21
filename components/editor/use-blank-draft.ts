"use client";

/**
 * Leaving a new draft with nothing typed in it tells the server (POST /api/articles/:id/left-blank, with keepalive so
 * that it survives the page closing), which deletes the draft a minute later unless it is opened again
 * (lib/data/articles/blank-drafts.ts: a reload or coming back to it shows up as presence). Only for an article that
 * was blank when the editor opened, and only while nothing was changed here: an edit, saved or not, keeps the draft.
 */
import { useEffect, useRef } from "react";

export function useBlankDraft(articleId: string, openedBlank: boolean, isUntouched: () => boolean) {
  const untouched = useRef(isUntouched);
  const generation = useRef(0);
  useEffect(() => {
    untouched.current = isUntouched;
  });

  useEffect(() => {
    if (!openedBlank) return;
    // The count of mounts, read again when this one ends (not a DOM node: reading it late is the point).
    const mounts = generation;
    const mine = ++mounts.current;
    let sent = false;
    const leave = () => {
      if (sent || !untouched.current()) return;
      sent = true;
      void fetch(`/api/articles/${encodeURIComponent(articleId)}/left-blank`, { method: "POST", keepalive: true, credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      // React's development mode unmounts and mounts again at once: only a real unmount (leaving for another page
      // of the app) counts.
      setTimeout(() => {
        if (mounts.current === mine) leave();
      }, 0);
    };
  }, [articleId, openedBlank]);
}
