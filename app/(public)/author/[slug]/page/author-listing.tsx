/**
 * What /author/{slug} and /author/{slug}/page/{n} share: loading the author (one cached read shared by
 * generateMetadata and the page), the metadata and the page itself. Both routes are ISR pages, so nothing here
 * reads the request. (It lives in page/ because the author folder's siblings belong to the feed routes.)
 */
import type { Metadata } from "next";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleCard } from "@/components/article/article-card";
import { AuthorProfile } from "@/components/author/author-profile";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { findPublishedPage } from "@/lib/data/articles";
import { AUTHOR_ROLE_LABEL, getAuthorBySlug } from "@/lib/data/authors";
import { getSiteSettings } from "@/lib/data/settings";

/** The author, once per request for metadata and page alike. */
export const loadAuthor = cache((slug: string) => getAuthorBySlug(slug));

/** "/page/{n}" segments: a plain positive number without leading zeros, else null (the route answers 404). */
export function parsePageSegment(segment: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(segment) ? Number(segment) : null;
}

function summarize(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const [author, settings] = await Promise.all([loadAuthor(slug), getSiteSettings()]);
  if (!author) return {};
  return {
    title: page > 1 ? `${author.name}, page ${page}` : author.name,
    description: author.bio
      ? summarize(author.bio)
      : `${AUTHOR_ROLE_LABEL[author.role]} at ${settings.siteName}: articles by ${author.name}, newest first.`,
    alternates: {
      canonical: pageHref(`/author/${author.slug}`, page),
      types: combineFeedAlternates(feedAlternates("", settings.siteName), feedAlternates(`/author/${author.slug}`, `${author.name} · ${settings.siteName}`)),
    },
  };
}

export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const author = await loadAuthor(slug);
  if (!author) notFound();
  const [settings, list] = await Promise.all([getSiteSettings(), findPublishedPage({ authorSlug: author.slug }, page)]);
  if (page > list.totalPages) notFound();
  return (
    <>
      <AuthorProfile author={author} />
      <h2 className="mt-10 border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600">
        Articles by {author.name}
        {list.totalPages > 1 && ` · page ${list.page} of ${list.totalPages}`}
      </h2>
      <div className="mt-5 space-y-5">
        {list.items.map((article) => (
          <ArticleCard key={article.id} article={article} locale={settings.locale} timeZone={settings.timeZone} />
        ))}
      </div>
      <Pagination basePath={`/author/${author.slug}`} page={list.page} totalPages={list.totalPages} />
    </>
  );
}
