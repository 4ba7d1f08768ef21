/** What /{section} and /{section}/page/{n} list: a section's published articles, newest first (app/(public)/paged-listing.tsx). */
import { getSectionBySlug, resolveSectionSlug } from "@/lib/data/sections";
import { pagedListing } from "../paged-listing";

export const sectionListing = pagedListing({
  kind: "section",
  load: getSectionBySlug,
  renamed: resolveSectionSlug,
  description: (section, page) => (page === 1 && section.description) || undefined,
  header: (section, list) => (
    <>
      <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
      {section.description && <p className="mt-2 text-muted">{section.description}</p>}
      {/* The list's own heading, as on tag and author pages: the cards' headlines are h3 under it. */}
      <h2 className="mt-8 border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600">
        Latest in {section.name}
        {list.totalPages > 1 && ` · page ${list.page} of ${list.totalPages}`}
      </h2>
    </>
  ),
  spacing: "mt-5",
  empty: (section) => <p>Nothing has been published in {section.name} yet.</p>,
});
