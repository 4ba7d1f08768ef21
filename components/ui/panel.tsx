/**
 * A titled box: a region named by its heading, for a form or a side panel.
 *
 *   <Panel id="invite" title="Invite someone" className="mt-6">…</Panel>
 *
 * `id` must be unique on the page (a client component may pass useId()); the heading gets `${id}-heading`.
 * tone "danger" marks a box whose actions cannot be undone. `className` is for margins and width only.
 */
import type { ReactNode } from "react";

type Props = { id: string; title: ReactNode; tone?: "default" | "danger"; className?: string; children: ReactNode };

export function Panel({ id, title, tone = "default", className, children }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`rounded border bg-white p-4 ${tone === "danger" ? "border-red-300" : "border-gray-300"} ${className ?? ""}`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
