"use client";
/**
 * "New article": a blank draft, opened in the editor. With more than one language edition the journalist picks the
 * story's edition first (the default one preselected); with one, the button is all there is.
 */
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createArticleAction } from "./actions";

type Edition = { id: string; name: string; isDefault: boolean; isPublic: boolean };

export function NewArticleButton({ editions }: { editions: Edition[] }) {
  const { state, pending, onSubmit, formRef, errors } = useActionForm(createArticleAction);
  const hasChoice = editions.length > 1;
  const options = editions.map((e) => [e.id, e.isPublic || e.isDefault ? e.name : `${e.name} (closed to readers)`] as const);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      {hasChoice && (
        <SelectField id="new-article-edition" name="editionId" label="Edition" defaultValue={editions.find((e) => e.isDefault)?.id} options={options} error={errors.editionId} />
      )}
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Creating…" className={hasChoice ? "mb-3" : undefined}>
        New article
      </Button>
      <FormMessage state={hasChoice && errors.editionId ? null : state} className="mt-2 w-full" />
    </form>
  );
}
