"use server";
/** Tag actions: create, rename (old URL redirects) and merge into another tag. */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { createTag, mergeTags, renameTag } from "@/lib/data/tags";
import { IdSchema, TagInputSchema, TagMergeSchema } from "@/lib/validation/admin";

export const createTagAction = staffFormAction(
  { schema: TagInputSchema, fields: ["name", "slug"], returnTo: "/admin/tags", revalidate: "/admin/tags" },
  async (input, { user }) => {
    const tag = await createTag(user, input);
    return ok(undefined, `Tag “${tag.name}” was created (/tag/${tag.slug}).`);
  },
);

export const renameTagAction = staffFormAction(
  { schema: z.object({ tagId: IdSchema }).and(TagInputSchema), fields: ["tagId", "name", "slug"], returnTo: "/admin/tags", revalidate: { layout: "/admin/tags" } },
  async ({ tagId, ...input }, { user }) => {
    const tag = await renameTag(user, tagId, input);
    return ok(undefined, `Saved. The tag is “${tag.name}” at /tag/${tag.slug}.`);
  },
);

/** Ends on the surviving tag's page. */
export const mergeTagAction = staffFormAction(
  {
    schema: TagMergeSchema,
    fields: ["sourceId", "targetId"],
    returnTo: "/admin/tags",
    revalidate: { layout: "/admin/tags" },
    redirect: (_, { targetId }) => `/admin/tags/${targetId}?merged=1`,
  },
  async ({ sourceId, targetId }, { user }) => {
    await mergeTags(user, sourceId, targetId);
    return ok(undefined);
  },
);
