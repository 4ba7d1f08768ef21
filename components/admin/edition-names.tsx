"use client";
/**
 * A section's or tag's name in each non-default edition (docs/decisions/0033-editions-admin.md): one form per
 * edition with its name, slug and (for a section) description, "Save" and, once there is one, "Remove", after which
 * the edition shows the default name and slug again. The page passes the action of its kind (section or tag). Each
 * label names its edition ("Name in Español"): the page also has the default name's form.
 */
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Panel } from "@/components/ui/panel";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Translation = { name: string; slug: string; description?: string };
type Edition = { id: string; name: string; isPublic: boolean };

type Props = {
  action: FormAction<boolean>;
  /** The hidden field naming the row ("sectionId" or "tagId") and its id. */
  owner: { field: "sectionId" | "tagId"; id: string; name: string; slug: string };
  editions: { edition: Edition; translation: Translation | null }[];
  /** What comes between the edition's prefix and the slug in the row's address: "" for a section, "/tag" for a tag. */
  pathPrefix: "" | "/tag";
  hasDescription?: boolean;
};

const pathOf = (code: string, prefix: string, slug: string) => `/${code}${prefix}/${slug}`;

function EditionNameForm({ action, owner, edition, translation, pathPrefix, hasDescription }: Omit<Props, "editions"> & { edition: Edition; translation: Translation | null }) {
  // Reset after a success: the page's new values (the saved name, or empty after "Remove") become the fields'.
  const { pending, onSubmit, formRef, errors, message } = useActionForm(action, { resetOnSuccess: true });
  const id = (field: string) => `${edition.id}-${field}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name={owner.field} value={owner.id} />
      <input type="hidden" name="editionId" value={edition.id} />
      <TextField id={id("name")} name="name" label={`Name in ${edition.name}`} lang={edition.id} defaultValue={translation?.name ?? ""} required error={errors.name} />
      <TextField
        id={id("slug")}
        name="slug"
        label={`Slug in ${edition.name}`}
        hint={`Its address in this edition: ${pathOf(edition.id, pathPrefix, translation?.slug ?? "…")}. Lower-case letters, digits and dashes; a former address keeps leading here.`}
        defaultValue={translation?.slug ?? ""}
        required
        error={errors.slug}
      />
      {hasDescription && <TextAreaField id={id("description")} name="description" label={`Description in ${edition.name}`} lang={edition.id} rows={2} defaultValue={translation?.description ?? ""} error={errors.description} />}
      <FormMessage state={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="save" variant="primary" disabled={pending}>
          Save {edition.name} name
        </Button>
        {translation && (
          <Button type="submit" name="intent" value="remove" disabled={pending}>
            Remove {edition.name} name
          </Button>
        )}
      </div>
    </form>
  );
}

export function EditionNames({ editions, ...props }: Props) {
  if (editions.length === 0) return null;
  return (
    <>
      {editions.map(({ edition, translation }) => (
        <Panel
          key={edition.id}
          id={`edition-${edition.id}`}
          title={
            <>
              In <span lang={edition.id}>{edition.name}</span>
            </>
          }
          description={
            translation
              ? `${edition.isPublic ? "Readers see" : "Closed to readers; it will show"} “${translation.name}” at ${pathOf(edition.id, props.pathPrefix, translation.slug)}.`
              : `Not named yet: this edition shows “${props.owner.name}” at ${pathOf(edition.id, props.pathPrefix, props.owner.slug)}.`
          }
          className="mt-8 max-w-2xl"
        >
          <EditionNameForm {...props} edition={edition} translation={translation} />
        </Panel>
      ))}
    </>
  );
}
