"use server";

/**
 * The media detail page's actions: save the details, delete the image. Each re-checks the session and parses its
 * input; the data layer decides who may change which image and refuses to delete one that is in use.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { failure, type ActionFailure, type ActionResult } from "@/lib/actions/result";
import { deleteMedia, updateMedia } from "@/lib/data/media";
import { MediaUpdateSchema } from "@/lib/media/validation";

const Id = z.string().min(1).max(40);

/** The form's focal point is in percent; the data layer stores fractions. */
function fromPercent(value: FormDataEntryValue | null): number {
  const text = typeof value === "string" ? value.trim() : "";
  return text === "" ? Number.NaN : Number(text) / 100;
}

export async function updateMediaAction(mediaId: string, _state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await requireUser(`/dashboard/media/${mediaId}`);
  // Anything can be posted to an action: without a form, every field is missing and the schema says so.
  const form = formData instanceof FormData ? formData : new FormData();
  const parsed = MediaUpdateSchema.safeParse({
    alt: form.get("alt") ?? "",
    caption: form.get("caption") ?? "",
    credit: form.get("credit") ?? "",
    focalX: fromPercent(form.get("focalX")),
    focalY: fromPercent(form.get("focalY")),
  });
  if (!parsed.success) return failure(parsed.error);
  try {
    await updateMedia(user, Id.parse(mediaId), parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath(`/dashboard/media/${mediaId}`);
  revalidatePath("/dashboard/media");
  return { ok: true, data: undefined, message: "Saved." };
}

export async function deleteMediaAction(mediaId: string): Promise<ActionFailure | void> {
  const user = await requireUser(`/dashboard/media/${mediaId}`);
  try {
    await deleteMedia(user, Id.parse(mediaId));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/dashboard/media");
  redirect("/dashboard/media?deleted=1");
}
