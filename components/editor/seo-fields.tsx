"use client";

/** SEO title and description with live counts, and how the article would look as a search result. */
import { SEO_DESCRIPTION_MAX, SEO_DESCRIPTION_MIN, SEO_TITLE_MAX } from "@/lib/validation/articles";
import { errorClass, hintClass, inputClass, labelClass } from "./ui";

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
  const descriptionLength = seoDescription.length;
  const effectiveLength = description.length;
  return (
    <fieldset className="rounded border border-gray-300 bg-white p-4">
      <legend className="px-1 text-base font-bold">Search and sharing</legend>
      <div>
        <label htmlFor="field-seo-title" className={labelClass}>
          SEO title
        </label>
        <input
          id="field-seo-title"
          type="text"
          value={seoTitle}
          onChange={(e) => onChange({ seoTitle: e.target.value })}
          aria-invalid={errors.seoTitle || seoTitle.length > SEO_TITLE_MAX ? true : undefined}
          aria-describedby={`seo-title-count seo-title-hint${errors.seoTitle ? " seo-title-error" : ""}`}
          className={inputClass}
        />
        <p className={`${hintClass} flex justify-between gap-2`}>
          <span id="seo-title-hint">Leave empty to use the headline.</span>
          <span id="seo-title-count" className={seoTitle.length > SEO_TITLE_MAX ? "font-semibold text-red-800" : ""}>
            {seoTitle.length} / {SEO_TITLE_MAX}
          </span>
        </p>
        {errors.seoTitle && (
          <p id="seo-title-error" className={errorClass}>
            {errors.seoTitle}
          </p>
        )}
      </div>
      <div className="mt-4">
        <label htmlFor="field-seo-description" className={labelClass}>
          SEO description
        </label>
        <textarea
          id="field-seo-description"
          rows={3}
          value={seoDescription}
          onChange={(e) => onChange({ seoDescription: e.target.value })}
          aria-invalid={errors.seoDescription || descriptionLength > SEO_DESCRIPTION_MAX ? true : undefined}
          aria-describedby={`seo-description-count seo-description-hint${errors.seoDescription ? " seo-description-error" : ""}`}
          className={inputClass}
        />
        <p className={`${hintClass} flex justify-between gap-2`}>
          <span id="seo-description-hint">
            {SEO_DESCRIPTION_MIN}–{SEO_DESCRIPTION_MAX} characters to publish. Leave empty to use the dek
            {!seoDescription && dek ? ` (${effectiveLength} characters)` : ""}.
          </span>
          <span id="seo-description-count" className={descriptionLength > SEO_DESCRIPTION_MAX ? "font-semibold text-red-800" : ""}>
            {descriptionLength} / {SEO_DESCRIPTION_MAX}
          </span>
        </p>
        {errors.seoDescription && (
          <p id="seo-description-error" className={errorClass}>
            {errors.seoDescription}
          </p>
        )}
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
