/**
 * Section, tag and author pages are one pattern, and this module is it: page 1 at /{base}, page n at
 * /{base}/page/{n} (a segment named [n]; /page/1 answers 308 to /{base}, anything but a plain positive number 404s),
 * a renamed slug answers 308 with its current URL, and a page past the end 404s. Each kind of listing says how to
 * load its subject, its description and what stands above the list. The pages are ISR: nothing here reads the request.
 */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { ArticleList } from "@/components/article/article-list";
import { pageHref } from "@/components/ui/pagination";
import { findPublishedPage, type ListFilter } from "@/lib/data/articles/public";
import { getSiteSettings, type SiteSettings } from "@/lib/data/settings";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";

export type ArticlePage = Awaited<ReturnType<typeof findPublishedPage>>;

/** Where each kind lives, what its list is filtered by, and whether it has feeds of its own (/{base}/feed.xml, …). */
const KINDS = {
  section: { param: "section", prefix: "", filter: (slug: string): ListFilter => ({ sectionSlug: slug }), hasFeeds: true },
  tag: { param: "slug", prefix: "/tag", filter: (slug: string): ListFilter => ({ tagSlug: slug }), hasFeeds: false },
  author: { param: "slug", prefix: "/author", filter: (slug: string): ListFilter => ({ authorSlug: slug }), hasFeeds: true },
} as const;

type Subject = { name: string; slug: string };

export type ListingKind<S extends Subject> = {
  kind: keyof typeof KINDS;
  load: (slug: string) => Promise<S | null>;
  /** The current slug of a renamed subject, whose old URLs then answer 308. */
  renamed?: (slug: string) => Promise<string | null>;
  description: (subject: S, page: number, settings: SiteSettings) => string | undefined;
  /** What stands above the list; `spacing` is the list's top margin below it. */
  header: (subject: S, list: ArticlePage) => ReactNode;
  spacing: string;
  empty?: (subject: S) => ReactNode;
};

/** The list's own heading (its cards' headlines are h3 under it), with "· page n of m" when there are pages. */
export function ListHeading({ list, top = "mt-8", children }: { list: ArticlePage; top?: string; children: ReactNode }) {
  return (
    <h2 className={`${top} border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600`}>
      {children}
      {list.totalPages > 1 && ` · page ${list.page} of ${list.totalPages}`}
    </h2>
  );
}

/** A "/page/{n}" segment: a plain positive number without leading zeros, else null. */
function parsePageSegment(segment: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(segment) ? Number(segment) : null;
}

type Props = { params: Promise<Record<string, string>> };

/** The route exports of a kind of listing: `first` for /{base}, `numbered` for /{base}/page/{n}. */
export function pagedListing<S extends Subject>(listing: ListingKind<S>) {
  const kind = KINDS[listing.kind];
  // Once per request for metadata and page alike.
  const load = cache(listing.load);
  const basePath = (slug: string) => `${kind.prefix}/${slug}`;

  async function metadata(slug: string, page: number): Promise<Metadata> {
    const [subject, settings] = await Promise.all([load(slug), getSiteSettings()]);
    if (!subject) return {};
    const siteFeeds = feedAlternates("", settings.siteName);
    const ownPath = basePath(subject.slug);
    return {
      title: page > 1 ? `${subject.name}, page ${page}` : subject.name,
      description: listing.description(subject, page, settings),
      alternates: {
        canonical: pageHref(ownPath, page),
        types: kind.hasFeeds ? combineFeedAlternates(siteFeeds, feedAlternates(ownPath, `${subject.name} · ${settings.siteName}`)) : siteFeeds,
      },
    };
  }

  async function Listing({ slug, page }: { slug: string; page: number }) {
    const subject = await load(slug);
    if (!subject) {
      const current = await listing.renamed?.(slug);
      if (current) permanentRedirect(pageHref(basePath(current), page));
      notFound();
    }
    const [settings, list] = await Promise.all([getSiteSettings(), findPublishedPage(kind.filter(subject.slug), page)]);
    if (page > list.totalPages) notFound();
    return (
      <>
        {listing.header(subject, list)}
        <ArticleList
          articles={list.items}
          locale={settings.locale}
          timeZone={settings.timeZone}
          basePath={basePath(subject.slug)}
          page={list.page}
          totalPages={list.totalPages}
          spacing={listing.spacing}
          empty={listing.empty?.(subject)}
        />
      </>
    );
  }

  return {
    first: {
      generateMetadata: async ({ params }: Props) => metadata((await params)[kind.param] ?? "", 1),
      Page: async ({ params }: Props) => <Listing slug={(await params)[kind.param] ?? ""} page={1} />,
    },
    numbered: {
      generateMetadata: async ({ params }: Props) => {
        const { [kind.param]: slug = "", n = "" } = await params;
        const page = parsePageSegment(n);
        return page ? metadata(slug, page) : {};
      },
      Page: async ({ params }: Props) => {
        const { [kind.param]: slug = "", n = "" } = await params;
        const page = parsePageSegment(n);
        if (page === null) notFound();
        if (page === 1) permanentRedirect(basePath(encodeURIComponent(slug)));
        return <Listing slug={slug} page={page} />;
      },
    },
  };
}
