"use client";
/** Forms of the sections pages: create, edit, and the move up/down buttons of the navigation order. */
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSectionAction, moveSectionAction, updateSectionAction } from "./actions";

type Section = { id: string; name: string; slug: string; description: string };

const SLUG_HINT = "The section's address: lower-case letters, digits and dashes. Changing it later keeps the old address working.";
const DESCRIPTION_HINT = "Shown under the section's name. At most 300 characters.";

/** Create a section (`section` null, fields side by side) or edit one; the ids differ so both can share a page. */
export function SectionForm({ section }: { section: Section | null }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(section ? updateSectionAction : createSectionAction, { resetOnSuccess: !section });
  const prefix = section ? "" : "new-";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      {section && <input type="hidden" name="sectionId" value={section.id} />}
      <div className={section ? "space-y-3" : "grid gap-3 sm:grid-cols-2"}>
        <TextField id={`${prefix}name`} name="name" label="Name" defaultValue={section?.name} required error={errors.name} />
        <TextField id={`${prefix}slug`} name="slug" label="Slug" hint={SLUG_HINT} defaultValue={section?.slug} required error={errors.slug} />
      </div>
      <TextAreaField id={`${prefix}description`} name="description" label="Description" hint={DESCRIPTION_HINT} rows={section ? 3 : 2} defaultValue={section?.description} error={errors.description} />
      <FormMessage state={message} />
      <Button type="submit" variant="primary" disabled={pending}>
        {section ? "Save section" : "Create section"}
      </Button>
    </form>
  );
}

export function MoveSectionButtons({ section, isFirst, isLast }: { section: Section; isFirst: boolean; isLast: boolean }) {
  const { state, pending, onSubmit, formRef } = useActionForm(moveSectionAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="sectionId" value={section.id} />
      <Button type="submit" name="direction" value="up" disabled={pending || isFirst} aria-label={`Move ${section.name} up`}>
        Up
      </Button>
      <Button type="submit" name="direction" value="down" disabled={pending || isLast} aria-label={`Move ${section.name} down`}>
        Down
      </Button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}
