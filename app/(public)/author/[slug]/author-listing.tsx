/**
 * What /author/{slug} and /author/{slug}/page/{n} show: the author's public profile and their published articles,
 * newest first (app/(public)/paged-listing.tsx).
 */
import { AuthorProfile } from "@/components/author/author-profile";
import { getAuthorBySlug } from "@/lib/data/users/authors";
import { AUTHOR_ROLE_LABEL } from "@/lib/text";
import { ListHeading, pagedListing } from "../../paged-listing";

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
      <ListHeading list={list} top="mt-10">
        Articles by {author.name}
      </ListHeading>
    </>
  ),
  spacing: "mt-5",
});
