"use server";

/**
 * The media detail page's actions, bound to the image's id: save the details, delete the image. The data layer
 * decides who may change which image and refuses to delete one that is in use.
 */
import { z } from "zod";
import { formFields, ok, staffAction } from "@/lib/actions/safe-action";
import type { ActionResult } from "@/lib/actions/result";
import { deleteMedia, updateMedia } from "@/lib/data/media/changes";
import { MediaUpdateSchema } from "@/lib/media/validation";
import { RecordIdSchema } from "@/lib/validation/articles";

const MediaRefSchema = z.object({ mediaId: RecordIdSchema });
const detailPage = (mediaId: string) => `/dashboard/media/${mediaId}`;

/** The form's focal point is in percent; the data layer stores fractions. */
function fromPercent(value: string): number {
  return value.trim() === "" ? Number.NaN : Number(value) / 100;
}

export const updateMediaAction = staffAction(
  {
    schema: MediaRefSchema.extend(MediaUpdateSchema.shape),
    input: (mediaId: string, _state: ActionResult | null, formData: FormData) => {
      const form = formFields(formData, ["alt", "caption", "credit", "focalX", "focalY"]);
      return { ...form, mediaId, focalX: fromPercent(form.focalX), focalY: fromPercent(form.focalY) };
    },
    returnTo: detailPage,
    revalidate: ({ mediaId }) => [detailPage(mediaId), "/dashboard/media"],
  },
  async ({ mediaId, ...input }, { user }) => {
    await updateMedia(user, mediaId, input);
    return ok(undefined, "Saved.");
  },
);

export const deleteMediaAction = staffAction(
  {
    schema: MediaRefSchema,
    input: (mediaId: string) => ({ mediaId }),
    returnTo: detailPage,
    revalidate: "/dashboard/media",
    redirect: () => "/dashboard/media?deleted=1",
  },
  async ({ mediaId }, { user }) => {
    await deleteMedia(user, mediaId);
    return ok(undefined);
  },
);
