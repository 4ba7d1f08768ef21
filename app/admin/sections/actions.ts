"use server";
/** Section actions: create, edit (rename, re-slug, describe) and move up or down the navigation. */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { createSection, moveSection, updateSection } from "@/lib/data/sections";
import { AdminSectionInputSchema, IdSchema, SectionMoveSchema } from "@/lib/validation/admin";

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
