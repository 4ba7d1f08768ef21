"use server";
/** Language edition actions: add, configure, open or close to readers, delete (docs/decisions/0033-editions-admin.md). */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { createEdition, deleteEdition, setEditionPublic, updateEdition } from "@/lib/data/editions-staff";
import { languageName } from "@/lib/i18n/languages";
import { EditionAccessSchema, EditionFieldsSchema, EditionIdSchema, NewEditionSchema } from "@/lib/validation/editions";

const FIELDS = ["editionId", "name", "locale", "searchConfig", "position"] as const;
const REVALIDATE = { layout: "/admin/editions" };

export const createEditionAction = staffFormAction(
  { schema: NewEditionSchema, fields: FIELDS, returnTo: "/admin/editions", revalidate: REVALIDATE, redirect: (_, input) => `/admin/editions/${input.editionId}?added=1` },
  async (input, { user }) => {
    await createEdition(user, input);
    return ok(undefined);
  },
);

export const updateEditionAction = staffFormAction(
  { schema: z.object({ editionId: EditionIdSchema }).and(EditionFieldsSchema), fields: FIELDS, returnTo: "/admin/editions", revalidate: REVALIDATE },
  async ({ editionId, ...input }, { user }) => {
    const { reindexed } = await updateEdition(user, editionId, input);
    const search = reindexed > 0 ? ` Its ${reindexed === 1 ? "article is" : `${reindexed} articles are`} searched with the new configuration.` : "";
    return ok(undefined, `Saved.${search}`);
  },
);

export const setEditionAccessAction = staffFormAction(
  { schema: EditionAccessSchema, fields: ["editionId", "isPublic"], returnTo: "/admin/editions", revalidate: REVALIDATE },
  async ({ editionId, isPublic }, { user }) => {
    const edition = await setEditionPublic(user, editionId, isPublic);
    return ok(undefined, edition.isPublic ? `Readers can see the ${languageName(edition.id)} edition at /${edition.id}.` : `The ${languageName(edition.id)} edition is closed to readers: its pages answer 404.`);
  },
);

export const deleteEditionAction = staffFormAction(
  { schema: z.object({ editionId: EditionIdSchema }), fields: ["editionId"], returnTo: "/admin/editions", revalidate: REVALIDATE, redirect: () => "/admin/editions?deleted=1" },
  async ({ editionId }, { user }) => {
    await deleteEdition(user, editionId);
    return ok(undefined);
  },
);
