/**
 * Messages in a box. `<Notice tone="success">The ad slot was saved.</Notice>` is a polite status, tone "error" an
 * alert, tone "warning" a status too; `announce={false}` for a standing remark that should not be read out when the
 * page changes. `<FormMessage state={…} />` shows an action's outcome (nothing until it has a message).
 */
import type { ReactNode } from "react";

type Tone = "success" | "error" | "warning";

const TONE: Record<Tone, string> = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-900",
  warning: "border-amber-400 bg-amber-50 text-ink",
};

type NoticeProps = { tone: Tone; announce?: boolean; id?: string; className?: string; children: ReactNode };

/** `className` is for margins and width only. */
export function Notice({ tone, announce = true, id, className, children }: NoticeProps) {
  const role = !announce ? undefined : tone === "error" ? "alert" : "status";
  return (
    <p id={id} role={role} className={`rounded border p-2 text-sm ${TONE[tone]} ${className ?? ""}`}>
      {children}
    </p>
  );
}

/** The outcome of a form: a polite status on success, an alert on failure. */
export function FormMessage({ state, className }: { state: { ok: boolean; message?: string } | null; className?: string }) {
  if (!state?.message) return null;
  return (
    <Notice tone={state.ok ? "success" : "error"} className={className}>
      {state.message}
    </Notice>
  );
}
