"use client";

/**
 * Tags as tokens: type a name and press Enter (or a comma), pick from the suggestions, remove with its button. Of
 * several names typed at once, the ones that can be added are, and the others stay in the box with the reason.
 * Only the desk creates tags (new names become tags when the article is saved); a journalist proposes a name that
 * is not a tag yet, and it becomes one when an editor publishes the article (lib/data/articles/tag-proposals.ts).
 * Proposed tags show as such, after the others, for everyone.
 */
import { useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS, Field, fieldControlProps } from "@/components/ui/field";
import { slugify } from "@/lib/content/slug";
import { joinNames } from "@/lib/text";
import { usePanelText } from "./use-panel-text";

type Props = {
  value: string[];
  onChange: (tags: string[]) => void;
  tagNames: string[];
  /** Names among `value` that were proposed on this article. */
  proposedTags: string[];
  canCreateTags: boolean;
  error?: string;
};

const MAX_LENGTH = 40;
const quoted = (names: string[]) => joinNames(names.map((n) => `“${n}”`));

export function TagsField({ value, onChange, tagNames, proposedTags, canCreateTags, error }: Props) {
  const draft = usePanelText<HTMLInputElement>();
  const [announcement, setAnnouncement] = useState("");
  /** Names just typed that are not tags, for a journalist to propose. */
  const [unknown, setUnknown] = useState<string[]>([]);
  const known = new Map(tagNames.map((name) => [slugify(name), name]));
  const waiting = new Set(proposedTags.map((name) => slugify(name)));
  const isProposed = (tag: string) => !known.has(slugify(tag)) && (!canCreateTags || waiting.has(slugify(tag)));

  const add = (raw: string, propose = false) => {
    const names = raw.split(",").map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) return;
    const next = [...value];
    const missing: string[] = [];
    const problems: string[] = [];
    const left: string[] = [];
    for (const name of names) {
      const slug = slugify(name);
      if (next.some((t) => slugify(t) === slug && slug)) continue;
      const existing = known.get(slug);
      if (!slug) problems.push(`“${name}” needs at least one letter (a–z) or digit.`);
      else if (name.length > MAX_LENGTH) problems.push(`Tags are at most ${MAX_LENGTH} characters (“${name.slice(0, 20)}…”).`);
      else if (!existing && !canCreateTags && !propose) missing.push(name);
      else {
        next.push(existing ?? name);
        continue;
      }
      left.push(name);
    }
    if (missing.length > 0) {
      const verb = missing.length === 1 ? "There is no tag" : "There are no tags";
      problems.unshift(`${verb} ${quoted(missing)}: check the spelling, or propose ${missing.length === 1 ? "it" : "them"} as a new tag.`);
    }
    // Proposals stay after the article's tags, where the server keeps them.
    const ordered = [...next.filter((t) => !isProposed(t)), ...next.filter(isProposed)];
    const added = next.slice(value.length);
    setUnknown(missing);
    draft.setValue(left.join(", "));
    draft.setError(problems.length > 0 ? problems.join(" ") : null);
    if (added.length > 0) onChange(ordered);
    setAnnouncement([added.length > 0 ? `Added ${added.join(", ")}.` : "", problems.join(" ")].filter(Boolean).join(" "));
  };

  const remove = (tag: string) => {
    onChange(value.filter((t) => t !== tag));
    setAnnouncement(`Removed ${tag}.`);
    draft.control.ref.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft.value);
    } else if (event.key === "Backspace" && draft.value === "" && value.length > 0) {
      const last = value[value.length - 1];
      if (last) remove(last);
    }
  };

  const shown = draft.error ?? error;
  const hint = canCreateTags
    ? "Type a tag and press Enter; separate several with commas. New tags are created when the article is saved. A proposed tag (a journalist's) is created when the article is published; remove it to turn it down."
    : "Type a tag and press Enter; separate several with commas. A tag that does not exist yet can be proposed: it is created when an editor publishes the article.";
  // Offered while the box holds just the names that were not found (editing them hides it until Enter is pressed again).
  const canPropose = !canCreateTags && unknown.length > 0 && draft.value === unknown.join(", ");

  return (
    <Field id="field-tags" label="Tags" hint={hint} error={shown}>
      {value.length > 0 && (
        <ul aria-label="Tags" className="flex flex-wrap gap-2">
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full border border-gray-400 bg-gray-50 py-0.5 pl-3 pr-1 text-sm">
              {tag}
              {isProposed(tag) && <span className="text-xs text-muted">(proposed)</span>}
              <button type="button" className="rounded-full px-2 text-base leading-none hover:bg-gray-200" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <input {...draft.control} {...fieldControlProps({ id: "field-tags", hint, error: shown })} type="text" list="tag-suggestions" autoComplete="off" onKeyDown={onKeyDown} className={`${CONTROL_CLASS} min-w-[12rem] flex-1`} />
        <Button onClick={() => add(draft.value)}>Add tag</Button>
        {canPropose && <Button onClick={() => add(unknown.join(", "), true)}>{unknown.length === 1 ? `Propose “${unknown[0]}”` : `Propose ${unknown.length} new tags`}</Button>}
      </div>
      <datalist id="tag-suggestions">
        {tagNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </Field>
  );
}
