/**
 * What /author/{slug} and /author/{slug}/page/{n} show: the author's public profile and their published articles,
 * newest first (app/(public)/paged-listing.tsx).
 */
import { AuthorProfile } from "@/components/author/author-profile";
import { getAuthorBySlug } from "@/lib/data/users/authors";
import { AUTHOR_ROLE_LABEL } from "@/lib/text";
import { pagedListing } from "../../paged-listing";

function summarize(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

export const authorListing = pagedListing({
  kind: "author",
  load: getAuthorBySlug,
  description: (author, _page, settings) =>
    author.bio ? summarize(author.bio) : `${AUTHOR_ROLE_LABEL[author.role]} at ${settings.siteName}: articles by ${author.name}, newest first.`,
  header: (author, list) => (
    <>
      <AuthorProfile author={author} />
      <h2 className="mt-10 border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600">
        Articles by {author.name}
        {list.totalPages > 1 && ` · page ${list.page} of ${list.totalPages}`}
      </h2>
    </>
  ),
  spacing: "mt-5",
});
