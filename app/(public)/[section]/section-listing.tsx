/** What /{section} and /{section}/page/{n} list: a section's published articles, newest first (app/(public)/paged-listing.tsx). */
import { getSectionBySlug, resolveSectionSlug } from "@/lib/data/sections";
import { ListHeading, pagedListing } from "../paged-listing";

/** `code`: the edition (null: the default one). */
export const sectionListing = (code: string | null = null) =>
  pagedListing(
    {
      kind: "section",
      load: getSectionBySlug,
      renamed: resolveSectionSlug,
      description: (section, page) => (page === 1 && section.description) || undefined,
      header: (section, list, text) => (
        <>
          <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
          {section.description && <p className="mt-2 text-muted">{section.description}</p>}
          <ListHeading list={list} text={text}>
            {text.t("latestIn", { section: section.name })}
          </ListHeading>
        </>
      ),
      spacing: "mt-5",
      empty: (section, text) => <p>{text.t("nothingIn", { section: section.name })}</p>,
    },
    code,
  );
