"use client";

/**
 * The bar under the form: what saving is doing (a live region), the last notice, and the Save button.
 *
 * It sticks to the bottom of the window, so it would cover whatever scrolls under it: the line being typed at the end
 * of a long story, a field focused near the bottom. It publishes its height as `--save-bar-height` on the page and
 * sets the page's scroll-padding-bottom to it (the browser's own scrolling to a target honours it); a field that gets
 * the focus under the bar is scrolled clear of it; the body editor keeps its caret above it with the same number
 * (extensions.ts, KeepCaretVisible). Ctrl+S (⌘S) saves from anywhere
 * on the page instead of opening the browser's "Save page" dialog.
 */
import { useEffect, useRef, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { ALARMING, statusText, type SaveStatus } from "./sync-status";

type Props = { status: SaveStatus; notice: string; disabled: boolean; locale: string; timeZone: string };

/** The room kept free above the bar, besides its own height. */
const GAP_PX = 8;

export function SaveBar({ status, notice, disabled, locale, timeZone }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useStickyClearance(bar);
  useSaveShortcut(button, disabled);

  return (
    <div ref={bar} className="sticky bottom-0 z-10 mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-gray-300 bg-paper py-3">
      <p role="status" aria-live="polite" className={`text-sm ${ALARMING.includes(status.kind) ? "font-semibold text-red-800" : "text-muted"}`}>
        {statusText(status, locale, timeZone)}
      </p>
      <div className="flex items-center gap-3">
        <p aria-live="polite" className="text-sm">
          {notice}
        </p>
        <Button ref={button} variant="primary" type="submit" disabled={disabled} aria-keyshortcuts="Control+S Meta+S" title="Save now (Ctrl+S)">
          Save
        </Button>
      </div>
    </div>
  );
}

/** Keeps `--save-bar-height` and the page's scroll-padding-bottom equal to the bar's height (it wraps on narrow screens). */
function useStickyClearance(bar: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement.style;
    const measure = () => {
      const clearance = `${Math.ceil(element.getBoundingClientRect().height) + GAP_PX}px`;
      root.setProperty("--save-bar-height", clearance);
      root.scrollPaddingBottom = clearance;
    };
    // Moving the focus with Tab scrolls a field into view, but not out from under the bar: do that after the browser.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || element.contains(target)) return;
      requestAnimationFrame(() => {
        const barTop = element.getBoundingClientRect().top;
        const rect = target.getBoundingClientRect();
        // Only what fits above the bar (not the long body, which keeps its own caret clear) and is under it now.
        if (rect.height < barTop && rect.bottom > barTop - GAP_PX && rect.top < window.innerHeight) window.scrollBy({ top: rect.bottom - barTop + GAP_PX });
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
      root.removeProperty("--save-bar-height");
      root.scrollPaddingBottom = "";
    };
  }, [bar]);
}

/** Ctrl+S / ⌘S anywhere on the page submits the article form (a manual save). */
function useSaveShortcut(button: RefObject<HTMLButtonElement | null>, disabled: boolean) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      const form = button.current?.form;
      if (!disabled && form) form.requestSubmit(button.current);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [button, disabled]);
}
