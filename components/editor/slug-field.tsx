"use client";

/** The slug, after the section's path: made from the headline until edited; once published, a change redirects. */
import { buttonClass, errorClass, hintClass, inputClass, labelClass } from "./ui";

type Props = {
  value: string;
  sectionSlug: string;
  isEdited: boolean;
  hasBeenPublished: boolean;
  error: string | undefined;
  onChange: (slug: string) => void;
  onUseHeadline: () => void;
};

export function SlugField({ value, sectionSlug, isEdited, hasBeenPublished, error, onChange, onUseHeadline }: Props) {
  return (
    <div>
      <label htmlFor="field-slug" className={labelClass}>
        Slug
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted" aria-hidden="true">
          /{sectionSlug}/
        </span>
        <input
          id="field-slug"
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`slug-hint${error ? " field-slug-error" : ""}`}
          className={`${inputClass} mt-0 w-auto flex-1 font-mono text-sm`}
        />
        {!hasBeenPublished && isEdited && (
          <button type="button" className={buttonClass} onClick={onUseHeadline}>
            Use the headline
          </button>
        )}
      </div>
      <p id="slug-hint" className={hintClass}>
        {hasBeenPublished ? "Changing the slug keeps the old URL working (it redirects)" : isEdited ? "Lower-case letters, digits and dashes." : "Made from the headline until you change it."}
      </p>
      {error && (
        <p id="field-slug-error" className={errorClass}>
          {error}
        </p>
      )}
    </div>
  );
}
