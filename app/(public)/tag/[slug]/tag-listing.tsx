/** What /tag/{slug} and /tag/{slug}/page/{n} list: a tag's published articles, newest first (app/(public)/paged-listing.tsx). */
import { getTagBySlug, resolveTagSlug } from "@/lib/data/tags";
import { ListHeading, pagedListing } from "../../paged-listing";

export const tagListing = pagedListing({
  kind: "tag",
  load: getTagBySlug,
  // A renamed or merged tag's old URL answers 308 to its current one.
  renamed: resolveTagSlug,
  description: (tag, _page, settings) => `Articles about ${tag.name} from ${settings.siteName}, newest first.`,
  header: (tag, list) => (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Tag</p>
      <h1 className="mt-1 font-serif text-4xl font-bold">{tag.name}</h1>
      <ListHeading list={list}>{list.total === 1 ? "1 article" : `${list.total} articles`}</ListHeading>
    </>
  ),
  spacing: "mt-5",
});
