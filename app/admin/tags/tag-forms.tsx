"use client";
/** Forms of the tags pages: create, rename and merge. */
import { Button } from "@/components/ui/button";
import { NameSlugFields } from "@/components/admin/name-slug-fields";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTagAction, mergeTagAction, renameTagAction } from "./actions";

const SLUG_HINT = "Changing it later keeps the old address working; left empty, it is made from the name.";

/** Create a tag (`tag` null; the slug is optional then) or rename one. */
export function TagForm({ tag }: { tag: { id: string; name: string; slug: string } | null }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(tag ? renameTagAction : createTagAction, { resetOnSuccess: !tag });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      {tag && <input type="hidden" name="tagId" value={tag.id} />}
      <NameSlugFields values={tag} errors={errors} slugLabel={tag ? "Slug" : "Slug (optional)"} slugHint={SLUG_HINT} />
      <FormMessage state={message} />
      <Button type="submit" variant="primary" disabled={pending}>
        {tag ? "Save tag" : "Create tag"}
      </Button>
    </form>
  );
}

export function MergeTagForm({ tag, choices }: { tag: { id: string; name: string }; choices: { id: string; name: string }[] }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(mergeTagAction);
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
      <FormMessage state={message} />
      <Button type="submit" variant="danger" disabled={pending}>
        Merge tags
      </Button>
    </form>
  );
}
