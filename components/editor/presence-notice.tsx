"use client";

/**
 * Who else is in the article, with their caret colour and the field they are in; and, when the same person has it
 * open in another tab or window, that both stay in step. A live region: people joining and leaving are announced.
 */
import { joinNames } from "@/lib/text";
import type { Present } from "./use-presence";

type Props = { others: Present[]; elsewhere: boolean };

export function PresenceNotice({ others, elsewhere }: Props) {
  return (
    <div role="status" className="mt-4 space-y-2 empty:mt-0">
      {others.length > 0 && (
        <div className="rounded border border-blue-300 bg-blue-50 p-3">
          <p className="font-semibold">
            {joinNames(others.map((o) => o.name))} {others.length === 1 ? "is" : "are"} editing this article
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="People in this article">
            {others.map((person) => (
              <li key={person.id} className="flex items-center gap-1.5">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: person.color }} />
                {person.name}
                {person.where ? <span className="text-muted"> — in {person.where}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
      {elsewhere && (
        <p className="rounded border border-blue-300 bg-blue-50 p-3 font-semibold">
          You also have this article open in another tab or window. Both stay in step: nothing you type in either is lost.
        </p>
      )}
    </div>
  );
}
