"use client";

/**
 * The slug, after the section's path: made from the headline until edited; once published, a change redirects.
 * Read-only, with the reason as its hint, where only the desk may change it.
 */
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS, Field, fieldControlProps } from "@/components/ui/field";

type Props = {
  value: string;
  /** The section's address in the article's edition ("/es/negocios"). */
  sectionPath: string;
  isEdited: boolean;
  hasBeenPublished: boolean;
  /** Set when this user may not change it: why. */
  lockedHint?: string;
  error: string | undefined;
  onChange: (slug: string) => void;
  onUseHeadline: () => void;
};

export function SlugField({ value, sectionPath, isEdited, hasBeenPublished, lockedHint, error, onChange, onUseHeadline }: Props) {
  const hint = lockedHint ?? (hasBeenPublished ? "Changing the slug keeps the old URL working (it redirects)" : isEdited ? "Lower-case letters, digits and dashes." : "Made from the headline until you change it.");
  return (
    <Field id="field-slug" label="Slug" hint={hint} error={error}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted" aria-hidden="true">
          {sectionPath}/
        </span>
        <input
          {...fieldControlProps({ id: "field-slug", hint, error })}
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          readOnly={lockedHint !== undefined}
          autoComplete="off"
          spellCheck={false}
          className={`${CONTROL_CLASS} w-auto flex-1 font-mono`}
        />
        {!hasBeenPublished && !lockedHint && isEdited && <Button onClick={onUseHeadline}>Use the headline</Button>}
      </div>
    </Field>
  );
}
