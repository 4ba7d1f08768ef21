"use server";
/** Tag actions: create, rename (old URL redirects), merge into another tag, name in an edition. */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { removeTagTranslation, saveTagTranslation } from "@/lib/data/name-translations";
import { createTag, mergeTags, renameTag } from "@/lib/data/tags";
import { IdSchema, TagInputSchema, TagMergeSchema } from "@/lib/validation/admin";
import { TagTranslationIntentSchema } from "@/lib/validation/editions";

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

/** Saves or removes the tag's name and slug in one non-default edition. */
export const translateTagAction = staffFormAction(
  { schema: TagTranslationIntentSchema, fields: ["intent", "tagId", "editionId", "name", "slug"], returnTo: "/admin/tags", revalidate: (input) => `/admin/tags/${input.tagId}` },
  async (input, { user }) => {
    if (input.intent === "remove") {
      const removed = await removeTagTranslation(user, input.tagId, input.editionId);
      return ok(removed, removed ? "Removed: this edition shows the tag's default name and slug." : "This edition had no name of its own for the tag.");
    }
    const { tagId, editionId, name, slug } = input;
    await saveTagTranslation(user, tagId, editionId, { name, slug });
    return ok(true, `Saved. In this edition the tag is “${name}” at /${editionId}/tag/${slug}.`);
  },
);
