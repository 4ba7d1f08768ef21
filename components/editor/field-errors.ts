/**
 * The article form's field errors: where each field lives (for the error summary's links and aria-describedby), the
 * checks made before a save is sent, and the server's errors keyed by field ("tags.2" is the Tags field).
 */
import { ArticleFieldsSchema } from "@/lib/validation/articles";
import type { SavePayload } from "./types";

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

const FieldsSchema = ArticleFieldsSchema.omit({ body: true });

/** The checks made in the browser before a save is sent (the body is checked by the server only). */
export function validateForSave(payload: SavePayload): FieldErrors | null {
  const parsed = FieldsSchema.safeParse(payload);
  if (parsed.success) return null;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return normalizeErrors(errors);
}

/** The errors left once the fields `keys` were edited (a form-wide error goes too). */
export function withoutKeys(errors: FieldErrors, keys: string[]): FieldErrors {
  if (!keys.some((k) => k in errors) && !("form" in errors)) return errors;
  const next = { ...errors };
  for (const k of [...keys, "form"]) delete next[k];
  return next;
}
