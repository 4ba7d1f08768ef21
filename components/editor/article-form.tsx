"use client";

/**
 * The article form: the error summary and the fields (values and handlers from useArticleFields, bound to the shared
 * document), the body, and the save bar. Controlled inputs; the body editor inside is memoized, so typing a headline
 * leaves it alone.
 */
import { useState, type ChangeEvent, type FormEvent } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { AuthorsField } from "./authors-field";
import { BodyField, type SharedBody } from "./body-field";
import { FeaturedImageField } from "./featured-image-field";
import { FIELDS, type FieldErrors } from "./field-errors";
import { SaveBar } from "./save-bar";
import { SeoFields } from "./seo-fields";
import { SlugField } from "./slug-field";
import { TagsField } from "./tags-field";
import type { ArticleEditorProps, MediaOption } from "./types";
import type { ArticleFieldsState } from "./use-article-fields";
import type { Saving } from "./use-saving";

type Props = ArticleEditorProps & {
  form: ArticleFieldsState;
  saving: Saving;
  body: SharedBody;
  /** The shared document is not ready yet, or this editor stopped: every field is disabled. */
  readOnly: boolean;
  notice: string;
};

export function ArticleForm(props: Props) {
  const { form, sections, staff, tagNames, flags, siteUrl, locale, timeZone, readOnly } = props;
  const { fields, fieldErrors, update } = form;
  // Images uploaded from inside the editor join the library list at once (featured image and body pickers).
  const [media, setMedia] = useState<MediaOption[]>(props.media);
  const section = sections.find((s) => s.id === fields.sectionId);
  // The URL and byline of a scheduled or published article are the desk's (the server refuses changes to them).
  const locked = !props.article.editsLive;

  /** Value, error and change handler of a field that is one text in the article. */
  const bind = (key: "headline" | "dek" | "datelineCity" | "sectionId") => ({
    value: fields[key],
    error: fieldErrors[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => update({ [key]: event.target.value }),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    props.saving.submit();
  };

  return (
    <>
      <ErrorSummary errors={fieldErrors} />
      <form onSubmit={onSubmit} noValidate className="mt-6" aria-label="Article">
        <fieldset disabled={readOnly} className="min-w-0 space-y-6">
          <TextField id="field-headline" label="Headline" type="text" {...bind("headline")} controlClassName="font-serif text-2xl font-bold" />
          <TextAreaField id="field-dek" label="Dek" hint="One or two sentences under the headline." rows={2} {...bind("dek")} />
          <TextField id="field-dateline" label="Dateline" hint="The city the story is reported from, such as Monterrey." type="text" {...bind("datelineCity")} controlClassName="max-w-sm" />

          <BodyField form={form} body={props.body} media={media} locale={locale} />

          <div className="grid gap-6 md:grid-cols-2">
            {locked ? (
              <TextField id="field-section" label="Section" hint={LOCKED_HINTS.section} value={section?.name ?? ""} readOnly />
            ) : (
              <SelectField id="field-section" label="Section" {...bind("sectionId")} options={sections.map((s) => [s.id, s.name] as const)} />
            )}
            <FeaturedImageField
              media={media}
              value={fields.featuredImageId}
              onChange={(id) => update({ featuredImageId: id })}
              onUploaded={(option) => {
                setMedia((list) => [option, ...list.filter((m) => m.id !== option.id)]);
                update({ featuredImageId: option.id });
              }}
              onDetailsSaved={(id, text) => setMedia((list) => list.map((m) => (m.id === id ? { ...m, ...text } : m)))}
              error={fieldErrors.featuredImageId}
            />
          </div>

          <TagsField
            value={fields.tags}
            onChange={(tags) => update({ tags })}
            tagNames={tagNames}
            proposedTags={props.article.proposedTags}
            canCreateTags={flags.canCreateTags}
            error={fieldErrors.tags}
          />

          <AuthorsField staff={staff} value={fields.authorIds} onChange={(authorIds) => update({ authorIds })} error={fieldErrors.authorIds} lockedHint={locked ? LOCKED_HINTS.authors : undefined} />

          <SlugField
            value={fields.slug}
            sectionPath={section?.path ?? ""}
            isEdited={form.slugEdited}
            hasBeenPublished={props.article.hasBeenPublished}
            lockedHint={locked ? LOCKED_HINTS.slug : undefined}
            error={fieldErrors.slug}
            onChange={form.editSlug}
            onUseHeadline={form.slugFromHeadline}
          />

          <SeoFields
            seoTitle={fields.seoTitle}
            seoDescription={fields.seoDescription}
            headline={fields.headline}
            dek={fields.dek}
            url={`${siteUrl}${section?.path ?? "/section"}/${fields.slug}`}
            onChange={update}
            errors={{ seoTitle: fieldErrors.seoTitle, seoDescription: fieldErrors.seoDescription }}
          />
        </fieldset>

        <SaveBar status={props.saving.status} notice={props.notice} disabled={readOnly} locale={locale} timeZone={timeZone} />
      </form>
    </>
  );
}

/** Why a journalist sees these fields read-only on a scheduled or published article. */
const LOCKED_HINTS = {
  section: "Only an editor can move a published or scheduled article to another section: it changes its address.",
  slug: "Only an editor can change the address of a published or scheduled article.",
  authors: "Only an editor can change the byline of a published or scheduled article.",
};

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
