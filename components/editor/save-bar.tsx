"use client";

/** The bar under the form: what saving is doing (a live region), the last notice, and the Save button. */
import { Button } from "@/components/ui/button";
import { ALARMING, statusText, type SaveStatus } from "./sync-status";

type Props = { status: SaveStatus; notice: string; disabled: boolean; locale: string; timeZone: string };

export function SaveBar({ status, notice, disabled, locale, timeZone }: Props) {
  return (
    <div className="sticky bottom-0 z-10 mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-gray-300 bg-paper py-3">
      <p role="status" aria-live="polite" className={`text-sm ${ALARMING.includes(status.kind) ? "font-semibold text-red-800" : "text-muted"}`}>
        {statusText(status, locale, timeZone)}
      </p>
      <div className="flex items-center gap-3">
        <p aria-live="polite" className="text-sm">
          {notice}
        </p>
        <Button variant="primary" type="submit" disabled={disabled}>
          Save
        </Button>
      </div>
    </div>
  );
}
