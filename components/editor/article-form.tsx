"use client";

/**
 * The article form: the error summary and the fields (values and handlers from useArticleFields), the body, and the
 * save bar. Ordinary controlled inputs; the body editor inside is memoized, so typing a headline leaves it alone.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import { AuthorsField } from "./authors-field";
import { BodyField } from "./body-field";
import { FeaturedImageField } from "./featured-image-field";
import { errorIdOf, FIELDS, type FieldErrors } from "./field-errors";
import { SaveBar } from "./save-bar";
import { SeoFields } from "./seo-fields";
import { SlugField } from "./slug-field";
import { TagsField } from "./tags-field";
import type { ArticleEditorProps, MediaOption } from "./types";
import { errorClass, hintClass, inputClass, labelClass } from "./ui";
import type { ArticleFieldsState } from "./use-article-fields";
import type { Saving } from "./use-saving";

type Props = ArticleEditorProps & {
  form: ArticleFieldsState;
  saving: Saving;
  /** Someone else took over: every field is disabled. */
  readOnly: boolean;
  notice: string;
  /** My version as plain text while merging by hand, else null. */
  mergeText: string | null;
  onDoneMerging: () => void;
};

export function ArticleForm(props: Props) {
  const { form, sections, staff, tagNames, flags, siteUrl, locale, timeZone, readOnly } = props;
  const { fields, fieldErrors, update } = form;
  // Images uploaded from inside the editor join the library list at once (featured image and body pickers).
  const [media, setMedia] = useState<MediaOption[]>(props.media);
  const section = sections.find((s) => s.id === fields.sectionId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.saving.submit();
  };

  return (
    <>
      <ErrorSummary errors={fieldErrors} />
      <form onSubmit={onSubmit} noValidate className="mt-6" aria-label="Article">
        <fieldset disabled={readOnly} className="min-w-0 space-y-6">
          <FormField name="headline" errors={fieldErrors}>
            {(a11y) => <input {...a11y} type="text" value={fields.headline} onChange={(e) => update({ headline: e.target.value })} className={`${inputClass} font-serif text-2xl font-bold`} />}
          </FormField>
          <FormField name="dek" errors={fieldErrors} hint="One or two sentences under the headline." hintId="dek-hint">
            {(a11y) => <textarea {...a11y} rows={2} value={fields.dek} onChange={(e) => update({ dek: e.target.value })} className={inputClass} />}
          </FormField>
          <FormField name="datelineCity" errors={fieldErrors} hint="The city the story is reported from, such as Monterrey." hintId="dateline-hint">
            {(a11y) => <input {...a11y} type="text" value={fields.datelineCity} onChange={(e) => update({ datelineCity: e.target.value })} className={`${inputClass} max-w-sm`} />}
          </FormField>

          <BodyField form={form} media={media} locale={locale} mergeText={props.mergeText} onDoneMerging={props.onDoneMerging} />

          <div className="grid gap-6 md:grid-cols-2">
            <FormField name="sectionId" errors={fieldErrors}>
              {(a11y) => (
                <select {...a11y} value={fields.sectionId} onChange={(e) => update({ sectionId: e.target.value })} className={inputClass}>
                  {sections.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FeaturedImageField
              media={media}
              value={fields.featuredImageId}
              onChange={(id) => update({ featuredImageId: id })}
              onUploaded={(option) => {
                setMedia((list) => [option, ...list.filter((m) => m.id !== option.id)]);
                update({ featuredImageId: option.id });
              }}
              error={fieldErrors.featuredImageId}
            />
          </div>

          <TagsField value={fields.tags} onChange={(tags) => update({ tags })} tagNames={tagNames} canCreateTags={flags.canCreateTags} error={fieldErrors.tags} />

          <AuthorsField staff={staff} value={fields.authorIds} onChange={(authorIds) => update({ authorIds })} error={fieldErrors.authorIds} />

          <SlugField
            value={fields.slug}
            sectionSlug={section?.slug ?? ""}
            isEdited={form.slugEdited}
            hasBeenPublished={props.article.hasBeenPublished}
            error={fieldErrors.slug}
            onChange={form.editSlug}
            onUseHeadline={form.slugFromHeadline}
          />

          <SeoFields
            seoTitle={fields.seoTitle}
            seoDescription={fields.seoDescription}
            headline={fields.headline}
            dek={fields.dek}
            url={`${siteUrl}/${section?.slug ?? "section"}/${fields.slug}`}
            onChange={update}
            errors={{ seoTitle: fieldErrors.seoTitle, seoDescription: fieldErrors.seoDescription }}
          />
        </fieldset>

        <SaveBar status={props.saving.status} notice={props.notice} disabled={readOnly} locale={locale} timeZone={timeZone} />
      </form>
    </>
  );
}

type A11yProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/** A labelled field whose control is given by `children`, with its hint and the server's or the check's error. */
function FormField({ name, errors, hint, hintId, children }: { name: string; errors: FieldErrors; hint?: string; hintId?: string; children: (a11y: A11yProps) => ReactNode }) {
  const field = FIELDS[name] ?? { id: name, label: name };
  const error = errors[name];
  const describedBy = [hintId, error ? errorIdOf(name) : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={field.id} className={labelClass}>
        {field.label}
      </label>
      {children({ id: field.id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorIdOf(name)} className={errorClass}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Every field error at once, each a link to its field; shown until the next save succeeds or the field changes. */
function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="error-summary-heading" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3">
      <h2 id="error-summary-heading" className="font-bold text-red-900">
        The article was not saved. Correct {entries.length === 1 ? "this field" : "these fields"}:
      </h2>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {entries.map(([key, message]) => (
          <li key={key}>
            {FIELDS[key] ? (
              <a href={`#${FIELDS[key].id}`} className="text-red-900 underline">
                {FIELDS[key].label}: {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
