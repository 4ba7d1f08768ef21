"use client";

/**
 * Presence: a heartbeat every 10 seconds says who else has the article open. Someone taking over makes this editor
 * read-only (after saving what it can); taking over again brings back the server's version, or saves ours if it never
 * reached the server.
 */
import { useEffect, useRef, useState } from "react";
import { heartbeatAction, leaveAction, takeOverAction } from "@/lib/actions/presence";
import type { EditorContext, StaffOption } from "./types";

export type Displaced = { by: string; saved: boolean };


export function usePresence({ articleId, saving, fields, setNotice }: EditorContext) {
  const { controller } = saving;
  const { reloadCurrent, setReadOnly } = fields;
  const [others, setOthers] = useState<StaffOption[]>([]);
  const [displaced, setDisplaced] = useState<Displaced | null>(null);
  const [busy, setBusy] = useState(false);
  const displacedRef = useRef(false);

  const onDisplacedRef = useRef<(by: string) => void>(() => undefined);
  useEffect(() => {
    onDisplacedRef.current = (by: string) => {
      if (displacedRef.current) return;
      displacedRef.current = true;
      void (async () => {
        const saver = controller();
        const saved = saver.isDirty ? await saver.flush() : saver.isActive;
        saver.stop();
        setReadOnly(true);
        setDisplaced({ by, saved });
      })();
    };
  }, [controller, setReadOnly]);

  useEffect(() => {
    let alive = true;
    const beat = async () => {
      const result = await heartbeatAction(articleId).catch(() => null);
      if (!alive || !result?.ok) return;
      const next = result.data.others;
      setOthers((prev) => (prev.length === next.length && prev.every((p, i) => p.id === next[i]?.id) ? prev : next));
      if (result.data.displacedBy) onDisplacedRef.current(result.data.displacedBy);
    };
    void beat();
    const timer = setInterval(() => void beat(), 10_000);
    const onPageHide = () => void leaveAction(articleId).catch(() => undefined);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener("pagehide", onPageHide);
      void leaveAction(articleId).catch(() => undefined);
    };
  }, [articleId]);

  const takeOver = async () => {
    setBusy(true);
    try {
      const result = await takeOverAction(articleId).catch(() => null);
      if (!result?.ok) {
        setNotice(result?.message ?? "Could not take over: no connection.");
        return;
      }
      setOthers([]);
      if (displaced) {
        const saver = controller();
        if (displaced.saved) {
          if (!(await reloadCurrent())) saver.resume(saver.baseVersion);
        } else {
          // Our last changes did not reach the server: save them now (a conflict will show if theirs differ).
          saver.resume(saver.baseVersion);
          void saver.save("manual", { force: true });
        }
        displacedRef.current = false;
        setReadOnly(false);
        setDisplaced(null);
        setNotice("You are editing again.");
      }
    } finally {
      setBusy(false);
    }
  };

  return { others, displaced, busy, takeOver };
}
