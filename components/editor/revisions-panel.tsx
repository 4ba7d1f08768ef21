"use client";

/**
 * Revision history: who saved what when (everyone whose changes a revision holds), a word diff between any two
 * revisions, and restoring one. Edits that were not applied (a refused save, text a change from outside replaced
 * before it was stored, keystrokes that were no longer the writer's to make) are kept, but listed apart from the
 * history, under their own heading.
 */
import { memo, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { getRevisionAction } from "@/lib/actions/revisions";
import { statusLabel } from "@/lib/article-status";
import type { RevisionItem } from "./types";
import { DiffLegend, VersionDiff } from "./word-diff";

function kindLabel(revision: RevisionItem): string {
  return revision.isPendingUpdate && revision.kind !== "DISCARD" ? `${changeLabel(revision)} (pending update)` : changeLabel(revision);
}

function changeLabel(revision: RevisionItem): string {
  switch (revision.kind) {
    case "AUTOSAVE":
      return "Autosave";
    case "MANUAL":
      return "Saved";
    case "RESTORE":
      return "Restored";
    case "CONFLICT":
      return "Not applied";
    case "STATUS":
      return `Status: ${statusLabel(revision.status)}`;
    case "UPDATE":
      return revision.status === "PUBLISHED" ? "Update published" : "Pending update applied";
    case "DISCARD":
      return "Pending update discarded";
    default:
      return revision.kind;
  }
}

/** Who made the revision; a change the scheduler made names who set the schedule, not the article's author. */
function byWhom(revision: RevisionItem): string {
  return revision.bySchedule ? `by the schedule (set by ${revision.author})` : revision.author;
}

type Loaded = { headline: string; bodyText: string } | { error: string };

type Props = {
  revisions: RevisionItem[];
  disabled: boolean;
  /** Restores a revision; resolves to an error message, or null when it worked. */
  onRestore: (revisionId: string) => Promise<string | null>;
};

const SHOWN = 25;

export const RevisionsPanel = memo(function RevisionsPanel({ revisions, disabled, onRestore }: Props) {
  const id = useId();
  const [fromChoice, setFromChoice] = useState<string | null>(null);
  const [toChoice, setToChoice] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const [showAll, setShowAll] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const history = revisions.filter((r) => r.kind !== "CONFLICT");
  const notApplied = revisions.filter((r) => r.kind === "CONFLICT");
  const exists = (revisionId: string | null) => revisionId !== null && revisions.some((r) => r.id === revisionId);
  const fromId = exists(fromChoice) ? fromChoice : (history[1]?.id ?? notApplied[0]?.id ?? null);
  const toId = exists(toChoice) ? toChoice : (history[0]?.id ?? null);

  useEffect(() => {
    const missing = [fromId, toId].filter((r): r is string => r !== null && !(r in loaded));
    if (missing.length === 0) return;
    let alive = true;
    void Promise.all(
      missing.map(async (revisionId) => {
        try {
          const result = await getRevisionAction(revisionId);
          return [revisionId, result.ok ? { headline: result.data.headline, bodyText: result.data.bodyText } : { error: result.message }] as const;
        } catch {
          return [revisionId, { error: "Could not load this revision." }] as const;
        }
      }),
    ).then((entries) => {
      if (alive) setLoaded((prev) => ({ ...prev, ...Object.fromEntries(entries) }));
    });
    return () => {
      alive = false;
    };
  }, [fromId, toId, loaded]);

  const restore = async (revision: RevisionItem) => {
    setRestoring(revision.id);
    setMessage(null);
    const problem = await onRestore(revision.id);
    setRestoring(null);
    setMessage(problem ? { ok: false, text: problem } : { ok: true, text: `Restored the revision from ${revision.createdAtLabel}.` });
  };

  const from = fromId ? loaded[fromId] : undefined;
  const to = toId ? loaded[toId] : undefined;
  const label = (r: RevisionItem) => `${r.createdAtLabel} — ${kindLabel(r)}, ${byWhom(r)}`;
  const shown = showAll ? history : history.slice(0, SHOWN);
  const item = (revision: RevisionItem) => (
    <li key={revision.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
      <div className="min-w-0 flex-1">
        <p>
          <span className="font-semibold">{kindLabel(revision)}</span> · {byWhom(revision)}
        </p>
        <p className="text-xs text-muted">
          <time dateTime={revision.createdAt}>{revision.createdAtLabel}</time> · version {revision.version}
        </p>
        <p className="truncate">{revision.headline || "Untitled"}</p>
      </div>
      <Button aria-label={`Restore revision from ${revision.createdAtLabel}`} disabled={disabled || restoring !== null} onClick={() => void restore(revision)}>
        Restore
      </Button>
    </li>
  );
  const options = revisions.map((r) => [r.id, label(r)] as const);

  return (
    <Panel id={id} title="Revisions">
      {revisions.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No revisions yet. A revision is kept at every manual save, every few minutes of autosaving and every status change.</p>
      ) : (
        <>
          {revisions.length > 1 && (
            <div className="mt-2 space-y-2">
              <SelectField id={`${id}-from`} label="Compare from" value={fromId ?? ""} onChange={(e) => setFromChoice(e.target.value)} options={options} />
              <SelectField id={`${id}-to`} label="Compare to" value={toId ?? ""} onChange={(e) => setToChoice(e.target.value)} options={options} />
              <div aria-live="polite" aria-busy={!from || !to}>
                {!from || !to ? (
                  <p className="text-sm text-muted">Loading the comparison…</p>
                ) : "error" in from || "error" in to ? (
                  <p className="text-sm font-semibold text-red-800">{"error" in from ? from.error : "error" in to ? to.error : ""}</p>
                ) : (
                  <div>
                    <DiffLegend removedLabel="only in the “from” revision" addedLabel="only in the “to” revision" />
                    <VersionDiff from={from} to={to} between="between the revisions" />
                  </div>
                )}
              </div>
            </div>
          )}
          <h3 className="mt-4 text-sm font-bold">History</h3>
          <ol className="mt-1 divide-y divide-gray-200 text-sm">{shown.map(item)}</ol>
          {history.length > SHOWN && (
            <Button className="mt-2" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
              {showAll ? "Show fewer" : `Show all ${history.length} revisions`}
            </Button>
          )}
          {notApplied.length > 0 && (
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-bold">Edits not applied ({notApplied.length})</summary>
              <p className="mt-1 text-xs text-muted">Kept so that no text is lost: a save refused while others edited, or text replaced before it was stored.</p>
              <ol className="mt-1 divide-y divide-gray-200 text-sm">{notApplied.map(item)}</ol>
            </details>
          )}
        </>
      )}
      <p aria-live="polite" className={`mt-2 text-sm font-semibold ${message && !message.ok ? "text-red-800" : "text-green-900"}`}>
        {message?.text}
      </p>
    </Panel>
  );
});
