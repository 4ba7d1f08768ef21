"use server";
/** Tag actions: create, rename (old URL redirects) and merge into another tag. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/session";
import { createTag, mergeTags, renameTag } from "@/lib/data/admin-tags";
import { formValues, TagInputSchema, TagMergeSchema } from "@/lib/validation/admin";

export async function createTagAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/tags");
  const parsed = TagInputSchema.safeParse(formValues(formData, ["name", "slug"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const tag = await createTag(actor, parsed.data);
    revalidatePath("/admin/tags");
    return { ok: true, data: undefined, message: `Tag “${tag.name}” was created (/tag/${tag.slug}).` };
  } catch (error) {
    return failure(error);
  }
}

export async function renameTagAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/tags");
  const id = formValues(formData, ["tagId"]).tagId;
  const parsed = TagInputSchema.safeParse(formValues(formData, ["name", "slug"]));
  if (!parsed.success) return failure(parsed.error);
  try {
    const tag = await renameTag(actor, id, parsed.data);
    revalidatePath("/admin/tags", "layout");
    return { ok: true, data: undefined, message: `Saved. The tag is “${tag.name}” at /tag/${tag.slug}.` };
  } catch (error) {
    return failure(error);
  }
}

export async function mergeTagAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const actor = await requireUser("/admin/tags");
  const parsed = TagMergeSchema.safeParse(formValues(formData, ["sourceId", "targetId"]));
  if (!parsed.success) return failure(parsed.error);
  let targetId: string;
  try {
    targetId = (await mergeTags(actor, parsed.data.sourceId, parsed.data.targetId)).target.id;
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin/tags", "layout");
  redirect(`/admin/tags/${targetId}?merged=1`);
}
