"use client";

/** SEO title and description with live counts, and how the article would look as a search result. */
import { TextAreaField, TextField } from "@/components/ui/field";
import { SEO_DESCRIPTION_MAX, SEO_DESCRIPTION_MIN, SEO_TITLE_MAX } from "@/lib/validation/articles";

type Props = {
  seoTitle: string;
  seoDescription: string;
  headline: string;
  dek: string;
  url: string;
  onChange: (patch: { seoTitle?: string; seoDescription?: string }) => void;
  errors: { seoTitle?: string; seoDescription?: string };
};

export function SeoFields({ seoTitle, seoDescription, headline, dek, url, onChange, errors }: Props) {
  const title = seoTitle.trim() || headline.trim() || "Untitled";
  const description = seoDescription.trim() || dek.trim();
  const effectiveLength = description.length;
  return (
    <fieldset className="rounded border border-gray-300 bg-white p-4">
      <legend className="px-1 text-base font-bold">Search and sharing</legend>
      <div className="space-y-4">
        <TextField
          id="field-seo-title"
          label="SEO title"
          hint="Leave empty to use the headline."
          counter={{ count: seoTitle.length, max: SEO_TITLE_MAX }}
          error={errors.seoTitle}
          type="text"
          value={seoTitle}
          onChange={(e) => onChange({ seoTitle: e.target.value })}
        />
        <TextAreaField
          id="field-seo-description"
          label="SEO description"
          hint={`${SEO_DESCRIPTION_MIN}–${SEO_DESCRIPTION_MAX} characters to publish. Leave empty to use the dek${!seoDescription && dek ? ` (${effectiveLength} characters)` : ""}.`}
          counter={{ count: seoDescription.length, max: SEO_DESCRIPTION_MAX }}
          error={errors.seoDescription}
          rows={3}
          value={seoDescription}
          onChange={(e) => onChange({ seoDescription: e.target.value })}
        />
      </div>
      <figure className="mt-4 rounded border border-gray-200 bg-gray-50 p-3">
        <figcaption className="text-xs font-semibold uppercase tracking-wide text-muted">Search result preview</figcaption>
        <p className="mt-2 truncate text-lg text-blue-800">{title.length > SEO_TITLE_MAX ? `${title.slice(0, SEO_TITLE_MAX - 1)}…` : title}</p>
        <p className="truncate text-sm text-green-800">{url}</p>
        <p className="mt-1 line-clamp-2 text-sm text-ink">{description || "No description yet: search engines will pick some text from the article."}</p>
      </figure>
    </fieldset>
  );
}
