"use client";
/**
 * A section's or tag's name and slug (its address). On a "create" form (no `values`) they sit side by side, their
 * ids start with "new-" (so the form can share a page with an edit form), and the slug is made from the name as it
 * is typed, until someone types a slug of their own (emptying it hands it back to the name). An existing slug never
 * follows a renamed name: changing an address is a decision of its own.
 */
import { useRef } from "react";
import { TextField } from "@/components/ui/field";
import { slugify } from "@/lib/content/slug";

type Props = {
  values: { name: string; slug: string } | null;
  errors: Record<string, string>;
  slugLabel?: string;
  slugHint: string;
  isSlugRequired?: boolean;
};

export function NameSlugFields({ values, errors, slugLabel = "Slug", slugHint, isSlugRequired = false }: Props) {
  const prefix = values ? "" : "new-";
  const slugRef = useRef<HTMLInputElement>(null);
  /** The slug this form last made: while the field still holds it (or nothing), the slug is not the person's own. */
  const made = useRef("");
  const followName = (name: string) => {
    const slug = slugRef.current;
    if (values || !slug || (slug.value !== "" && slug.value !== made.current)) return;
    slug.value = made.current = slugify(name);
  };
  return (
    <div className={values ? "space-y-3" : "grid gap-3 sm:grid-cols-2"}>
      <TextField id={`${prefix}name`} name="name" label="Name" defaultValue={values?.name} required error={errors.name} onInput={(e) => followName(e.currentTarget.value)} />
      <TextField
        ref={slugRef}
        id={`${prefix}slug`}
        name="slug"
        label={slugLabel}
        hint={values ? slugHint : `Made from the name until you change it. ${slugHint}`}
        defaultValue={values?.slug}
        required={isSlugRequired}
        error={errors.slug}
      />
    </div>
  );
}
