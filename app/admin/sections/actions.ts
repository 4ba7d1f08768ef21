"use server";
/** Section actions: create, edit (rename, re-slug, describe), move up or down the navigation, name in an edition. */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { removeSectionTranslation, saveSectionTranslation } from "@/lib/data/name-translations";
import { createSection, moveSection, updateSection } from "@/lib/data/sections";
import { AdminSectionInputSchema, IdSchema, SectionMoveSchema } from "@/lib/validation/admin";
import { SectionTranslationIntentSchema } from "@/lib/validation/editions";

const SECTION_FIELDS = ["name", "slug", "description"] as const;

export const createSectionAction = staffFormAction(
  { schema: AdminSectionInputSchema, fields: SECTION_FIELDS, returnTo: "/admin/sections", revalidate: "/admin/sections" },
  async (input, { user }) => {
    const section = await createSection(user, input);
    return ok(undefined, `Section “${section.name}” was created at /${section.slug}, at the end of the navigation.`);
  },
);

export const updateSectionAction = staffFormAction(
  {
    schema: z.object({ sectionId: IdSchema }).and(AdminSectionInputSchema),
    fields: ["sectionId", ...SECTION_FIELDS],
    returnTo: "/admin/sections",
    revalidate: { layout: "/admin/sections" },
  },
  async ({ sectionId, ...input }, { user }) => {
    const section = await updateSection(user, sectionId, input);
    return ok(undefined, `Saved. The section is at /${section.slug}.`);
  },
);

export const moveSectionAction = staffFormAction(
  { schema: SectionMoveSchema, fields: ["sectionId", "direction"], returnTo: "/admin/sections", revalidate: "/admin/sections" },
  async ({ sectionId, direction }, { user }) => {
    await moveSection(user, sectionId, direction);
    return ok(undefined, "The navigation order was saved.");
  },
);

/** Saves or removes the section's name, slug and description in one non-default edition. */
export const translateSectionAction = staffFormAction(
  {
    schema: SectionTranslationIntentSchema,
    fields: ["intent", "sectionId", "editionId", ...SECTION_FIELDS],
    returnTo: "/admin/sections",
    revalidate: (input) => `/admin/sections/${input.sectionId}`,
  },
  async (input, { user }) => {
    if (input.intent === "remove") {
      const removed = await removeSectionTranslation(user, input.sectionId, input.editionId);
      return ok(removed, removed ? "Removed: this edition shows the section's default name and slug." : "This edition had no name of its own for the section.");
    }
    const { sectionId, editionId, name, slug, description } = input;
    await saveSectionTranslation(user, sectionId, editionId, { name, slug, description });
    return ok(true, `Saved. In this edition the section is “${name}” at /${editionId}/${slug}.`);
  },
);
