/**
 * A section's or tag's name and slug (its address). On a "create" form (no `values`) they sit side by side and their
 * ids start with "new-", so the form can share a page with an edit form.
 */
import { TextField } from "@/components/ui/field";

type Props = {
  values: { name: string; slug: string } | null;
  errors: Record<string, string>;
  slugLabel?: string;
  slugHint: string;
  isSlugRequired?: boolean;
};

export function NameSlugFields({ values, errors, slugLabel = "Slug", slugHint, isSlugRequired = false }: Props) {
  const prefix = values ? "" : "new-";
  return (
    <div className={values ? "space-y-3" : "grid gap-3 sm:grid-cols-2"}>
      <TextField id={`${prefix}name`} name="name" label="Name" defaultValue={values?.name} required error={errors.name} />
      <TextField id={`${prefix}slug`} name="slug" label={slugLabel} hint={slugHint} defaultValue={values?.slug} required={isSlugRequired} error={errors.slug} />
    </div>
  );
}
