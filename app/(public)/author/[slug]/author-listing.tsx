/**
 * What /author/{slug} and /author/{slug}/page/{n} show: the author's public profile and their published articles,
 * newest first (app/(public)/paged-listing.tsx).
 */
import { AuthorProfile } from "@/components/author/author-profile";
import { getAuthorBySlug } from "@/lib/data/users/authors";
import { ListHeading, pagedListing } from "../../paged-listing";

function summarize(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** `code`: the edition (null: the default one). */
export const authorListing = (code: string | null = null) =>
  pagedListing(
    {
      kind: "author",
      load: getAuthorBySlug,
      description: (author, _page, settings, text) =>
        author.bio ? summarize(author.bio) : text.t("authorDescription", { role: text.t("authorRole", { role: author.role }), site: settings.siteName, author: author.name }),
      header: (author, list, text) => (
        <>
          <AuthorProfile author={author} text={text} />
          <ListHeading list={list} top="mt-10" text={text}>
            {text.t("articlesBy", { author: author.name })}
          </ListHeading>
        </>
      ),
      spacing: "mt-5",
    },
    code,
  );
