/**
 * A part of a page named by its heading (a region for assistive technology): `PageSection` plain, `Panel` in a box,
 * for a form or a side panel.
 *
 *   <PageSection id="usage" title="Used in">…</PageSection>
 *   <PageSection id="ads" title="Ad slots" action={<Link href="…" className={buttonClass()}>Add an ad slot</Link>}>…
 *   <Panel id="invite" title="Invite someone" description="They get a link…" className="mt-6"><InviteForm /></Panel>
 *
 * `id` must be unique on the page (a client component may pass useId()); the heading gets `${id}-heading`. The
 * content follows the heading (and the description) after a small gap. A Panel's tone "danger" marks a box whose
 * actions cannot be undone, "highlight" one that asks for attention (the review queue). `className` is for margins and width only.
 */
import type { ReactNode } from "react";

type Props = { id: string; title: ReactNode; description?: ReactNode; action?: ReactNode; className?: string; children: ReactNode };

export function PageSection({ id, title, description, action, className, children }: Props) {
  const heading = (
    <h2 id={`${id}-heading`} className="text-lg font-semibold">
      {title}
    </h2>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      {action ? (
        <div className="flex flex-wrap items-center justify-between gap-4">
          {heading}
          {action}
        </div>
      ) : (
        heading
      )}
      {description && <p className="mt-1 text-sm text-muted">{description}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}

const TONE = { default: "border-gray-300 bg-white", danger: "border-red-300 bg-white", highlight: "border-amber-300 bg-amber-50" } as const;

export function Panel({ tone = "default", className, ...section }: Props & { tone?: keyof typeof TONE }) {
  return <PageSection className={`rounded border p-4 ${TONE[tone]} ${className ?? ""}`} {...section} />;
}
