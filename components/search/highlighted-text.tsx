/**
 * Renders search highlights as React text and <mark> elements. The segments are plain text (lib/data/search.ts
 * splits ts_headline's markers out), so React escapes everything: no HTML from the database reaches the page.
 */
import { Fragment } from "react";
import type { HighlightSegment } from "@/lib/data/search";

export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-gray-950 dark:bg-amber-300">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
