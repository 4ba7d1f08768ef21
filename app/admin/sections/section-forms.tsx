"use client";
/** Forms of the sections pages: create, edit, and the move up/down buttons of the navigation order. */
import { Button } from "@/components/ui/button";
import { NameSlugFields } from "@/components/admin/name-slug-fields";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSectionAction, moveSectionAction, updateSectionAction } from "./actions";

type Section = { id: string; name: string; slug: string; description: string };

const SLUG_HINT = "The section's address: lower-case letters, digits and dashes. Changing it later keeps the old address working.";
const DESCRIPTION_HINT = "Shown under the section's name. At most 300 characters.";

/** Create a section (`section` null) or edit one. */
export function SectionForm({ section }: { section: Section | null }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(section ? updateSectionAction : createSectionAction, { resetOnSuccess: !section });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      {section && <input type="hidden" name="sectionId" value={section.id} />}
      <NameSlugFields values={section} errors={errors} slugHint={SLUG_HINT} isSlugRequired />
      <TextAreaField id={section ? "description" : "new-description"} name="description" label="Description" hint={DESCRIPTION_HINT} rows={section ? 3 : 2} defaultValue={section?.description} error={errors.description} />
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
