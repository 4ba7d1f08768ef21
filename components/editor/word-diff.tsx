"use client";

/**
 * A word-level diff. Insertions and deletions are <ins>/<del>, told apart by colour and by underline/strike-through,
 * and announced by hidden text, since most screen readers say nothing about <ins> and <del>.
 */
import { diffWords } from "diff";
import { useMemo } from "react";

type Props = {
  /** Names the diff (it may scroll, so it is focusable for keyboard scrolling). */
  label: string;
  from: string;
  to: string;
  /** What a deletion means here, e.g. "only in theirs". */
  removedLabel: string;
  addedLabel: string;
  className?: string;
};

const ADDED = "rounded-sm bg-green-100 text-green-950 underline decoration-green-800 decoration-2 underline-offset-2";
const REMOVED = "rounded-sm bg-red-100 text-red-950 line-through decoration-red-800 decoration-2";

export function WordDiff({ label, from, to, removedLabel, addedLabel, className }: Props) {
  const parts = useMemo(() => diffWords(from, to), [from, to]);
  const changed = parts.some((p) => p.added || p.removed);
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`whitespace-pre-wrap break-words rounded border border-gray-300 bg-white p-3 text-sm leading-relaxed ${className ?? ""}`}>
      {!changed && <span className="sr-only">No differences. </span>}
      {parts.map((part, index) => {
        if (part.added || part.removed) {
          const Change = part.added ? "ins" : "del";
          return (
            <Change key={index} className={part.added ? ADDED : REMOVED}>
              <span className="sr-only">[{part.added ? addedLabel : removedLabel}: </span>
              {part.value}
              <span className="sr-only">]</span>
            </Change>
          );
        }
        return <span key={index}>{part.value}</span>;
      })}
    </div>
  );
}

export function DiffLegend({ removedLabel, addedLabel }: { removedLabel: string; addedLabel: string }) {
  return (
    <p className="text-xs text-muted">
      <del className="bg-red-100 px-1 text-red-950 line-through decoration-red-800">struck through</del>: {removedLabel}.{" "}
      <ins className="bg-green-100 px-1 text-green-950 underline decoration-green-800">underlined</ins>: {addedLabel}.
    </p>
  );
}

type Version = { headline: string; dek?: string; bodyText: string };

type VersionDiffProps = {
  from: Version;
  to: Version;
  /** Ends each diff's name: "Body changes between the revisions". */
  between: string;
};

/** Headline, dek (when both versions have one to compare) and body of two versions, each a word diff under its heading. */
export function VersionDiff({ from, to, between }: VersionDiffProps) {
  const parts = [
    ["Headline", from.headline, to.headline, ""],
    ...(from.dek !== undefined && to.dek !== undefined ? [["Dek", from.dek, to.dek, ""] as const] : []),
    ["Body", from.bodyText, to.bodyText, "max-h-80 overflow-y-auto"],
  ] as const;
  return parts.map(([name, a, b, extra]) => (
    <div key={name}>
      <h3 className="mt-2 text-sm font-bold">{name}</h3>
      <WordDiff label={`${name} changes ${between}`} from={a} to={b} removedLabel="removed" addedLabel="added" className={`mt-1 ${extra}`} />
    </div>
  ));
}
