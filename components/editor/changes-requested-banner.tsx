/**
 * "Changes requested": above the editor's form while the desk's note waits for its author, from the moment an
 * editor sends the story (or its pending update) back until it is submitted for review again.
 */
import type { ChangeRequestView } from "./types";

export function ChangesRequestedBanner({ note, by, atLabel, onUpdate }: ChangeRequestView) {
  return (
    <section aria-labelledby="changes-requested-heading" className="mt-4 rounded border-2 border-orange-700 bg-orange-50 p-3">
      <h2 id="changes-requested-heading" className="font-semibold">
        Changes requested
      </h2>
      <p className="mt-1 text-sm">
        {by} sent {onUpdate ? "the update" : "this story"} back on {atLabel}:
      </p>
      <blockquote className="mt-2 whitespace-pre-line border-l-4 border-orange-700 pl-3">{note}</blockquote>
      <p className="mt-2 text-sm">Make the changes, then submit {onUpdate ? "the update" : "it"} for review again.</p>
    </section>
  );
}
