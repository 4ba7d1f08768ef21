/**
 * The article form's field errors: where each field lives (for the error summary's links and aria-describedby), and
 * the server's errors keyed by field ("tags.2" is the Tags field).
 */
export type FieldErrors = Record<string, string>;

/** Where each field the server may complain about lives. Anything else goes to "form". */
export const FIELDS: Record<string, { id: string; label: string }> = {
  headline: { id: "field-headline", label: "Headline" },
  dek: { id: "field-dek", label: "Dek" },
  body: { id: "field-body", label: "Body" },
  datelineCity: { id: "field-dateline", label: "Dateline" },
  sectionId: { id: "field-section", label: "Section" },
  tags: { id: "field-tags", label: "Tags" },
  authorIds: { id: "field-authors", label: "Authors" },
  featuredImageId: { id: "field-featured-image", label: "Featured image" },
  slug: { id: "field-slug", label: "Slug" },
  seoTitle: { id: "field-seo-title", label: "SEO title" },
  seoDescription: { id: "field-seo-description", label: "SEO description" },
};

export function normalizeErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.split(".")[0] ?? path;
    out[key in FIELDS ? key : "form"] ??= message;
  }
  return out;
}

/** The errors left once the fields `keys` were edited (a form-wide error goes too). */
export function withoutKeys(errors: FieldErrors, keys: string[]): FieldErrors {
  if (!keys.some((k) => k in errors) && !("form" in errors)) return errors;
  const next = { ...errors };
  for (const k of [...keys, "form"]) delete next[k];
  return next;
}
