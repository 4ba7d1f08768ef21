"use server";
/** Section actions: create, edit (rename, re-slug, describe) and move up or down the navigation. */
import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { createSection, moveSection, updateSection } from "@/lib/data/admin-sections";
import { AdminSectionInputSchema, formValues, SectionMoveSchema } from "@/lib/validation/admin";

export async function createSectionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/sections");
  const parsed = AdminSectionInputSchema.safeParse(formValues(formData, ["name", "slug", "description"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const section = await createSection(actor, parsed.data);
    revalidatePath("/admin/sections");
    return { ok: true, data: undefined, message: `Section “${section.name}” was created at /${section.slug}, at the end of the navigation.` };
  } catch (error) {
    return failure(error);
  }
}

export async function updateSectionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/sections");
  const id = formValues(formData, ["sectionId"]).sectionId;
  const parsed = AdminSectionInputSchema.safeParse(formValues(formData, ["name", "slug", "description"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const section = await updateSection(actor, id, parsed.data);
    revalidatePath("/admin/sections", "layout");
    return { ok: true, data: undefined, message: `Saved. The section is at /${section.slug}.` };
  } catch (error) {
    return failure(error);
  }
}

export async function moveSectionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/sections");
  const parsed = SectionMoveSchema.safeParse(formValues(formData, ["sectionId", "direction"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    await moveSection(actor, parsed.data.sectionId, parsed.data.direction);
    revalidatePath("/admin/sections");
    return { ok: true, data: undefined, message: "The navigation order was saved." };
  } catch (error) {
    return failure(error);
  }
}
