"use client";

/**
 * Shown when a save was refused because someone else saved first. Their saved text against mine, word by word,
 * and three ways out. Mine is already kept on the server as a CONFLICT revision, so nothing is lost either way.
 */
import { Button } from "@/components/ui/button";
import { documentToPlainText } from "@/lib/content/document";
import type { CurrentArticle, SavePayload } from "./types";
import { DiffLegend, WordDiff } from "./word-diff";

type Props = {
  theirs: CurrentArticle | null;
  mine: SavePayload;
  error: string | null;
  busy: boolean;
  onKeepTheirs: () => void;
  onKeepMine: () => void;
  onMerge: () => void;
};

const THEIRS = "only in their version";
const MINE = "only in your version";

export function ConflictPanel({ theirs, mine, error, busy, onKeepTheirs, onKeepMine, onMerge }: Props) {
  const mineText = documentToPlainText(mine.body);
  return (
    <section role="region" aria-label="Conflict" className="rounded border-2 border-amber-600 bg-amber-50 p-4">
      {/* Focus stays where the writer is; the save status line (a live region) announces the conflict. */}
      <h2 className="text-lg font-bold">
        Someone else saved this article since you opened it.
      </h2>
      {theirs ? (
        <>
          <p className="mt-1 text-sm">
            {theirs.lastEditedBy ? `${theirs.lastEditedBy} saved` : "It was saved as"} version {theirs.version}. Your version was not saved over
            theirs; it is kept in the revision history. Compare them and choose how to go on.
          </p>
          <div className="mt-3">
            <DiffLegend removedLabel={THEIRS} addedLabel={MINE} />
          </div>
          <h3 className="mt-3 text-sm font-bold">Headline</h3>
          <WordDiff label="Headline differences" from={theirs.headline} to={mine.headline} removedLabel={THEIRS} addedLabel={MINE} className="mt-1" />
          {theirs.dek !== mine.dek && (
            <>
              <h3 className="mt-3 text-sm font-bold">Dek</h3>
              <WordDiff label="Dek differences" from={theirs.dek} to={mine.dek} removedLabel={THEIRS} addedLabel={MINE} className="mt-1" />
            </>
          )}
          <h3 className="mt-3 text-sm font-bold">Body</h3>
          <WordDiff label="Body differences" from={theirs.bodyText} to={mineText} removedLabel={THEIRS} addedLabel={MINE} className="mt-1 max-h-96 overflow-y-auto" />
          <div className="mt-4 flex flex-wrap gap-2">
            <Button onClick={onKeepTheirs} disabled={busy}>
              Keep theirs
            </Button>
            <Button variant="primary" onClick={onKeepMine} disabled={busy}>
              Keep mine
            </Button>
            <Button onClick={onMerge} disabled={busy}>
              Merge by hand
            </Button>
          </div>
          <p className="mt-2 text-xs text-muted">
            Keep theirs: load their version and drop yours. Keep mine: save yours over theirs. Merge by hand: load theirs and show yours beside it to copy
            from.
          </p>
        </>
      ) : (
        <p className="mt-1 text-sm">{error ?? "Loading their version…"}</p>
      )}
      {theirs && error && (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
