"use client";

/**
 * Saving, around the SaveController (plain TypeScript, outside React): the save status line, the last save with
 * keepalive when the page is hidden or left, the content the saves are based on, and holding autosaves while a status
 * change runs. The other concerns plug in with connect(): they need the controller themselves, so they are made after
 * it, and the controller reads them only when a save or a local copy is due.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { getCurrentArticleAction } from "@/lib/actions/editor";
import { contentKey, payloadOf } from "./content-key";
import { validateForSave } from "./field-errors";
import { SaveController, type SaveControllerOptions, type SaveStatus } from "./save-controller";
import type { CurrentArticle, EditorArticle, SavePayload } from "./types";

export type SaveWiring = Pick<SaveControllerOptions, "collect" | "localExtras" | "onConflict" | "onFieldErrors"> & {
  onSaved: (saved: { slug: string }, sent: SavePayload) => void;
};

const UNWIRED: SaveWiring = {
  collect: () => {
    throw new Error("The article's fields are not connected to saving yet.");
  },
  localExtras: () => ({ slugEdited: false }),
  onSaved: () => undefined,
  onConflict: () => undefined,
  onFieldErrors: () => undefined,
};

export function useSaving(article: EditorArticle) {
  const articleId = article.id;
  const router = useRouter();
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [initialVersion] = useState(article.version);
  const wiring = useRef<SaveWiring>(UNWIRED);
  const controllerRef = useRef<SaveController | null>(null);
  /** The content of the version saves are based on: a conflict with no change of content is resolved silently. */
  const baseContentRef = useRef(contentKey({ ...article.fields, body: article.body }));
  const refreshRef = useRef(() => router.refresh());
  const hasPendingUpdateRef = useRef(article.pendingUpdate !== null);
  useEffect(() => {
    hasPendingUpdateRef.current = article.pendingUpdate !== null;
  }, [article.pendingUpdate]);

  const connect = useCallback((part: Partial<SaveWiring>) => {
    wiring.current = { ...wiring.current, ...part };
  }, []);

  /** The save controller, made on first use (never during render). */
  const controller = useCallback((): SaveController => {
    controllerRef.current ??= new SaveController({
      articleId,
      baseVersion: initialVersion,
      collect: () => wiring.current.collect(),
      validate: validateForSave,
      localExtras: () => wiring.current.localExtras(),
      onStatus: setStatus,
      onSaved: (saved, sent, mode) => {
        baseContentRef.current = contentKey(sent);
        // A manual save always adds a revision: show it in the history. The first save of a pending update: show
        // its panel.
        if (mode === "manual" || (saved.pending && !hasPendingUpdateRef.current)) refreshRef.current();
        wiring.current.onSaved(saved, sent);
      },
      onConflict: (mine, mode, currentVersion) => wiring.current.onConflict(mine, mode, currentVersion),
      onFieldErrors: (errors) => wiring.current.onFieldErrors(errors),
    });
    return controllerRef.current;
  }, [articleId, initialVersion]);

  /** True when `payload` is what the current base version holds (nothing a reader sees differs). */
  const isBaseContent = useCallback((payload: SavePayload) => contentKey(payload) === baseContentRef.current, []);

  /** The editor now shows the server's current version: saves go on top of it, nothing is unsaved. */
  const markClean = useCallback(
    (current: CurrentArticle) => {
      baseContentRef.current = contentKey(payloadOf(current));
      controller().markClean(current.version);
    },
    [controller],
  );

  // Saving when the page is hidden or closed (keepalive), and when the editor is left for another page.
  useEffect(() => {
    const saver = controller();
    saver.attach();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") saver.pageHidden();
    };
    const onPageHide = () => saver.pageHidden();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      saver.pageHidden();
      saver.detach();
    };
  }, [controller]);

  // Status changes (the workflow panel): save first, hold autosaves meanwhile, then catch up with the new version.
  const prepareChange = useCallback(async (): Promise<string | null> => {
    const saver = controller();
    saver.hold();
    if (!saver.isActive) return "Resolve the conflict above (or take over editing) first.";
    const saved = await saver.flush();
    return saved ? null : "Your latest changes could not be saved, so nothing was changed. Check the save status at the bottom of the form.";
  }, [controller]);

  const finishChange = useCallback(
    async (didChange: boolean) => {
      const saver = controller();
      if (didChange) {
        const current = await getCurrentArticleAction(articleId).catch(() => null);
        if (current?.ok && isBaseContent(payloadOf(current.data))) saver.baseVersion = current.data.version;
      }
      saver.release();
      router.refresh();
    },
    [articleId, controller, isBaseContent, router],
  );

  const submit = useCallback(() => void controller().save("manual", { force: true }), [controller]);

  return { status, controller, connect, isBaseContent, markClean, prepareChange, finishChange, submit };
}

export type Saving = ReturnType<typeof useSaving>;
