"use client";

/** The bar under the form: what saving is doing (a live region), the last notice, and the Save button. */
import { Button } from "@/components/ui/button";
import type { SaveStatus } from "./save-controller";

type Props = { status: SaveStatus; notice: string; disabled: boolean; locale: string; timeZone: string };

const ALARMING: SaveStatus["kind"][] = ["offline", "error", "invalid", "conflict"];

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

function statusText(status: SaveStatus, locale: string, timeZone: string): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "pending":
      return "Changes pending";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved at ${new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone }).format(status.at)}`;
    case "offline":
      return "Offline — your changes are kept on this device";
    case "invalid":
    case "error":
      return status.message;
    case "conflict":
      return "Not saved: someone else saved this article";
    case "readonly":
      return "Read-only: someone else is editing";
  }
}
