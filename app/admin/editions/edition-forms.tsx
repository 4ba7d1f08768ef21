"use client";
/** Forms of the editions pages: add an edition, change one, open or close it to readers, delete it. */
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SEARCH_CONFIG_LABELS, SEARCH_CONFIGS } from "@/lib/validation/editions";
import { createEditionAction, deleteEditionAction, setEditionAccessAction, updateEditionAction } from "./actions";

type Edition = { id: string; name: string; locale: string; searchConfig: string; position: number; isPublic: boolean; language: string };

const SEARCH_OPTIONS = SEARCH_CONFIGS.map((config) => [config, SEARCH_CONFIG_LABELS[config]] as const);

/** Add an edition (`edition` null: the language is chosen from `languages`) or change one. */
export function EditionForm({ edition, languages = [] }: { edition: Edition | null; languages?: { code: string; name: string }[] }) {
  const { state, pending, onSubmit, formRef, errors, message } = useActionForm(edition ? updateEditionAction : createEditionAction);
  const prefix = edition ? "" : "new-";
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      {edition ? (
        <input type="hidden" name="editionId" value={edition.id} />
      ) : (
        <SelectField id="new-editionId" name="editionId" label="Language" options={languages.map((l) => [l.code, `${l.name} (${l.code})`] as const)} error={errors.editionId} />
      )}
      <TextField
        id={`${prefix}name`}
        name="name"
        label="Name"
        hint="In the edition's own language (Español): readers see it in the language links."
        defaultValue={edition?.name}
        required
        error={errors.name}
      />
      <TextField id={`${prefix}locale`} name="locale" label="Locale" hint="How dates are written, such as es-MX or es-ES." defaultValue={edition?.locale} required error={errors.locale} />
      <SelectField
        id={`${prefix}searchConfig`}
        name="searchConfig"
        label="Search"
        hint="How the edition's search matches words. Changing it re-indexes the edition's articles."
        defaultValue={edition?.searchConfig ?? "simple"}
        options={SEARCH_OPTIONS}
        error={errors.searchConfig}
      />
      <TextField
        id={`${prefix}position`}
        name="position"
        type="number"
        inputMode="numeric"
        min={0}
        max={999}
        label="Position"
        hint="The order of the language links, after the default edition: lower comes first."
        defaultValue={edition?.position ?? 1}
        required
        error={errors.position}
      />
      {/* A refusal about the edition itself (the default, one gone) names no visible field. */}
      <FormMessage state={edition && errors.editionId ? state : message} />
      <Button type="submit" variant="primary" disabled={pending}>
        {edition ? "Save edition" : "Add edition"}
      </Button>
    </form>
  );
}

export function EditionAccessButton({ edition }: { edition: Edition }) {
  return (
    <ActionButton action={setEditionAccessAction} fields={{ editionId: edition.id, isPublic: edition.isPublic ? "off" : "on" }} variant={edition.isPublic ? "danger" : "primary"}>
      {edition.isPublic ? "Close to readers" : "Open to readers"}
    </ActionButton>
  );
}

export function DeleteEditionButton({ edition }: { edition: Edition }) {
  return (
    <ActionButton
      action={deleteEditionAction}
      fields={{ editionId: edition.id }}
      variant="danger"
      confirm={{ question: `Delete the ${edition.language} edition and its section and tag names?`, confirmLabel: "Yes, delete it" }}
    >
      Delete edition
    </ActionButton>
  );
}
