/** What /tag/{slug} and /tag/{slug}/page/{n} list: a tag's published articles, newest first (app/(public)/paged-listing.tsx). */
import { getTagBySlug, resolveTagSlug } from "@/lib/data/tags";
import { ListHeading, pagedListing } from "../../paged-listing";

/** `code`: the edition (null: the default one). */
export const tagListing = (code: string | null = null) =>
  pagedListing(
    {
      kind: "tag",
      load: getTagBySlug,
      // A renamed or merged tag's old URL answers 308 to its current one.
      renamed: resolveTagSlug,
      description: (tag, _page, settings, text) => text.t("tagDescription", { tag: tag.name, site: settings.siteName }),
      header: (tag, list, text) => (
        <>
          <p className="text-sm font-semibold uppercase tracking-wide text-accent">{text.t("tag")}</p>
          <h1 className="mt-1 font-serif text-4xl font-bold">{tag.name}</h1>
          <ListHeading list={list} text={text}>
            {text.t("articleCount", { count: list.total, total: String(list.total) })}
          </ListHeading>
        </>
      ),
      spacing: "mt-5",
    },
    code,
  );
