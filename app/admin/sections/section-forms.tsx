"use client";
/** Forms of the sections pages: create, edit, and the move up/down buttons of the navigation order. */
import { useActionForm } from "@/components/admin/use-action-form";
import { BUTTON, FormMessage, PRIMARY_BUTTON, TextAreaField, TextField } from "@/components/admin/fields";
import { createSectionAction, moveSectionAction, updateSectionAction } from "./actions";

type Section = { id: string; name: string; slug: string; description: string };

const SLUG_HINT = "The section's address: lower-case letters, digits and dashes. Changing it later keeps the old address working.";

export function CreateSectionForm() {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(createSectionAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="new-name" name="name" label="Name" required error={errors.name} />
        <TextField id="new-slug" name="slug" label="Slug" hint={SLUG_HINT} required error={errors.slug} />
      </div>
      <TextAreaField id="new-description" name="description" label="Description" hint="Shown under the section's name. At most 300 characters." rows={2} error={errors.description} />
      <FormMessage state={state && (state.ok || !state.fieldErrors) ? state : null} />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        Create section
      </button>
    </form>
  );
}

export function EditSectionForm({ section }: { section: Section }) {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(updateSectionAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="sectionId" value={section.id} />
      <TextField id="name" name="name" label="Name" defaultValue={section.name} required error={errors.name} />
      <TextField id="slug" name="slug" label="Slug" hint={SLUG_HINT} defaultValue={section.slug} required error={errors.slug} />
      <TextAreaField id="description" name="description" label="Description" hint="Shown under the section's name. At most 300 characters." rows={3} defaultValue={section.description} error={errors.description} />
      <FormMessage state={state && (state.ok || !state.fieldErrors) ? state : null} />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        Save section
      </button>
    </form>
  );
}

export function MoveSectionButtons({ section, isFirst, isLast }: { section: Section; isFirst: boolean; isLast: boolean }) {
  const { state, pending, onSubmit, formRef } = useActionForm(moveSectionAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="sectionId" value={section.id} />
      <button type="submit" name="direction" value="up" disabled={pending || isFirst} className={BUTTON} aria-label={`Move ${section.name} up`}>
        Up
      </button>
      <button type="submit" name="direction" value="down" disabled={pending || isLast} className={BUTTON} aria-label={`Move ${section.name} down`}>
        Down
      </button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
