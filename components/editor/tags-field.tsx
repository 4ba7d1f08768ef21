"use client";

/**
 * Tags as tokens: type a name and press Enter (or a comma), pick from the suggestions, remove with its button.
 * Only the desk may create new tags; the server enforces that too, and its message is shown here.
 */
import { useRef, useState, type KeyboardEvent } from "react";
import { slugify } from "@/lib/content/slug";
import { buttonClass, errorClass, hintClass, inputClass, labelClass } from "./ui";

type Props = {
  value: string[];
  onChange: (tags: string[]) => void;
  tagNames: string[];
  canCreateTags: boolean;
  error?: string;
};

export function TagsField({ value, onChange, tagNames, canCreateTags, error }: Props) {
  const [draft, setDraft] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);
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
        setLocalError(`There is no tag “${name}”. Pick an existing tag; editors can create new ones.`);
        return;
      }
      if (name.length > 40) {
        setLocalError("Tags are at most 40 characters.");
        return;
      }
      next.push(existing ?? name);
    }
    setLocalError(null);
    setDraft("");
    if (next.length !== value.length) {
      onChange(next);
      setAnnouncement(`Added ${next.slice(value.length).join(", ")}.`);
    }
  };

  const remove = (tag: string) => {
    onChange(value.filter((t) => t !== tag));
    setAnnouncement(`Removed ${tag}.`);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      const last = value[value.length - 1];
      if (last) remove(last);
    }
  };

  const shown = localError ?? error;
  const describedBy = ["tags-hint", shown ? "tags-error" : null].filter(Boolean).join(" ");

  return (
    <div>
      <label htmlFor="field-tags" id="tags-label" className={labelClass}>
        Tags
      </label>
      {value.length > 0 && (
        <ul aria-labelledby="tags-label" className="mt-1 flex flex-wrap gap-2">
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
      <div className="mt-1 flex gap-2">
        <input
          ref={input}
          id="field-tags"
          type="text"
          list="tag-suggestions"
          autoComplete="off"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setLocalError(null);
          }}
          onKeyDown={onKeyDown}
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy}
          className={`${inputClass} mt-0`}
        />
        <button type="button" className={buttonClass} onClick={() => add(draft)}>
          Add tag
        </button>
      </div>
      <datalist id="tag-suggestions">
        {tagNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p id="tags-hint" className={hintClass}>
        Type a tag and press Enter; separate several with commas. {canCreateTags ? "New tags are created when the article is saved." : "Choose existing tags; editors can create new ones."}
      </p>
      {shown && (
        <p id="tags-error" className={errorClass}>
          {shown}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
