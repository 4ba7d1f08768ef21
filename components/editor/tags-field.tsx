"use client";

/**
 * Tags as tokens: type a name and press Enter (or a comma), pick from the suggestions, remove with its button.
 * Only the desk may create new tags; the server enforces that too, and its message is shown here.
 */
import { useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS, Field, fieldControlProps } from "@/components/ui/field";
import { slugify } from "@/lib/content/slug";
import { usePanelText } from "./use-panel-text";

type Props = {
  value: string[];
  onChange: (tags: string[]) => void;
  tagNames: string[];
  canCreateTags: boolean;
  error?: string;
};

export function TagsField({ value, onChange, tagNames, canCreateTags, error }: Props) {
  const draft = usePanelText<HTMLInputElement>();
  const [announcement, setAnnouncement] = useState("");
  const known = new Map(tagNames.map((name) => [slugify(name), name]));

  const add = (raw: string) => {
    const names = raw.split(",").map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) return;
    const next = [...value];
    for (const name of names) {
      const slug = slugify(name);
      if (!slug) continue;
      if (next.some((t) => slugify(t) === slug)) continue;
      const existing = known.get(slug);
      if (!existing && !canCreateTags) {
        draft.setError(`There is no tag “${name}”. Pick an existing tag; editors can create new ones.`);
        return;
      }
      if (name.length > 40) {
        draft.setError("Tags are at most 40 characters.");
        return;
      }
      next.push(existing ?? name);
    }
    draft.setError(null);
    draft.setValue("");
    if (next.length !== value.length) {
      onChange(next);
      setAnnouncement(`Added ${next.slice(value.length).join(", ")}.`);
    }
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
  const hint = `Type a tag and press Enter; separate several with commas. ${canCreateTags ? "New tags are created when the article is saved." : "Choose existing tags; editors can create new ones."}`;

  return (
    <Field id="field-tags" label="Tags" hint={hint} error={shown}>
      {value.length > 0 && (
        <ul aria-label="Tags" className="flex flex-wrap gap-2">
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full border border-gray-400 bg-gray-50 py-0.5 pl-3 pr-1 text-sm">
              {tag}
              <button type="button" className="rounded-full px-2 text-base leading-none hover:bg-gray-200" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input {...draft.control} {...fieldControlProps({ id: "field-tags", hint, error: shown })} type="text" list="tag-suggestions" autoComplete="off" onKeyDown={onKeyDown} className={CONTROL_CLASS} />
        <Button onClick={() => add(draft.value)}>Add tag</Button>
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
