"use client";
/** Forms of the tags pages: create, rename and merge. */
import { useActionForm } from "@/components/admin/use-action-form";
import { DANGER_BUTTON, FormMessage, PRIMARY_BUTTON, SelectField, TextField } from "@/components/admin/fields";
import { createTagAction, mergeTagAction, renameTagAction } from "./actions";

const SLUG_HINT = "Leave empty to make one from the name. Changing it later keeps the old address working.";

export function CreateTagForm() {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(createTagAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="new-tag-name" name="name" label="Name" required error={errors.name} />
        <TextField id="new-tag-slug" name="slug" label="Slug (optional)" hint={SLUG_HINT} error={errors.slug} />
      </div>
      <FormMessage state={state && (state.ok || !state.fieldErrors) ? state : null} />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        Create tag
      </button>
    </form>
  );
}

export function RenameTagForm({ tag }: { tag: { id: string; name: string; slug: string } }) {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(renameTagAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="tagId" value={tag.id} />
      <TextField id="name" name="name" label="Name" defaultValue={tag.name} required error={errors.name} />
      <TextField id="slug" name="slug" label="Slug" hint={SLUG_HINT} defaultValue={tag.slug} error={errors.slug} />
      <FormMessage state={state && (state.ok || !state.fieldErrors) ? state : null} />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        Save tag
      </button>
    </form>
  );
}

export function MergeTagForm({ tag, choices }: { tag: { id: string; name: string }; choices: { id: string; name: string }[] }) {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(mergeTagAction);
  const options = [["", "Choose a tag…"] as const, ...choices.filter((c) => c.id !== tag.id).map((c) => [c.id, c.name] as const)];
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="sourceId" value={tag.id} />
      <SelectField
        id="targetId"
        name="targetId"
        label={`Merge “${tag.name}” into`}
        hint="Its articles move to the chosen tag, this tag is deleted, and its address redirects there. This cannot be undone."
        defaultValue=""
        options={options}
        error={errors.targetId}
      />
      <FormMessage state={state && (state.ok || !state.fieldErrors) ? state : null} />
      <button type="submit" disabled={pending} className={DANGER_BUTTON}>
        Merge tags
      </button>
    </form>
  );
}
