"use server";

/**
 * The article editor's change to its featured image: alt text, caption and credit. They are the library item's
 * (lib/data/media/changes.ts decides who may change it), so the change shows wherever the image is used.
 */
import { z } from "zod";
import { ok, staffAction } from "@/lib/actions/safe-action";
import { updateMediaText } from "@/lib/data/media/changes";
import { MediaTextSchema, type MediaText } from "@/lib/media/validation";
import { RecordIdSchema } from "@/lib/validation/articles";

export const updateMediaTextAction = staffAction(
  {
    schema: z.object({ mediaId: RecordIdSchema }).extend(MediaTextSchema.shape),
    input: (mediaId: string, text: MediaText) => ({ ...text, mediaId }),
    revalidate: ({ mediaId }) => [`/dashboard/media/${mediaId}`, "/dashboard/media"],
  },
  async ({ mediaId, ...text }, { user }) => {
    await updateMediaText(user, mediaId, text);
    return ok(text, "Image details saved.");
  },
);
