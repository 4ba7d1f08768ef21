/**
 * What /tag/{slug} and /tag/{slug}/page/{n} share: loading the tag (one cached read shared by generateMetadata and
 * the page), the metadata and the listing itself. Both routes are ISR pages, so nothing here reads the request.
 */
import type { Metadata } from "next";
import { feedAlternates } from "@/lib/feeds/links";
import { resolveTagSlug } from "@/lib/data/admin-tags";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleCard } from "@/components/article/article-card";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { findPublishedPage } from "@/lib/data/articles";
import { getSiteSettings } from "@/lib/data/settings";
import { getTagBySlug } from "@/lib/data/tags";

/** The tag, once per request for metadata and page alike. */
export const loadTag = cache((slug: string) => getTagBySlug(slug));

/** "/page/{n}" segments: a plain positive number without leading zeros, else null (the route answers 404). */
export function parsePageSegment(segment: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(segment) ? Number(segment) : null;
}

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const [tag, settings] = await Promise.all([loadTag(slug), getSiteSettings()]);
  if (!tag) return {};
  return {
    title: page > 1 ? `${tag.name}, page ${page}` : tag.name,
    description: `Articles about ${tag.name} from ${settings.siteName}, newest first.`,
    alternates: { canonical: pageHref(`/tag/${tag.slug}`, page), types: feedAlternates("", settings.siteName) },
  };
}

export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const tag = await loadTag(slug);
  if (!tag) {
    // A renamed or merged tag's old URL answers 308 to its current one.
    const current = await resolveTagSlug(slug);
    if (current) permanentRedirect(page > 1 ? `/tag/${current}/page/${page}` : `/tag/${current}`);
    notFound();
  }
  const [settings, list] = await Promise.all([getSiteSettings(), findPublishedPage({ tagSlug: tag.slug }, page)]);
  if (page > list.totalPages) notFound();
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Tag</p>
      <h1 className="mt-1 font-serif text-4xl font-bold">{tag.name}</h1>
      <h2 className="mt-8 border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600">
        {list.total === 1 ? "1 article" : `${list.total} articles`}
        {list.totalPages > 1 && ` · page ${list.page} of ${list.totalPages}`}
      </h2>
      <div className="mt-5 space-y-5">
        {list.items.map((article) => (
          <ArticleCard key={article.id} article={article} locale={settings.locale} timeZone={settings.timeZone} />
        ))}
      </div>
      <Pagination basePath={`/tag/${tag.slug}`} page={list.page} totalPages={list.totalPages} />
    </>
  );
}
