/**
 * Section, tag and author pages are one pattern, and this module is it: page 1 at /{base}, page n at
 * /{base}/page/{n} (a segment named [n]; /page/1 answers 308 to /{base}, anything but a plain positive number 404s),
 * a renamed slug (in a prefixed edition, its own former translated one too) answers 308 with its current URL, and a
 * page past the end 404s. Each kind of listing says how to load its subject, its description and what stands above
 * the list. The pages are ISR: nothing here reads the request.
 * Each edition has its own listings (`code`: null for the default edition, "es" under /es), in its language, with
 * its own names and slugs for sections and tags and only its own articles.
 */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { ArticleList } from "@/components/article/article-list";
import { pageHref } from "@/components/ui/pagination";
import { findPublishedPage, type ListFilter } from "@/lib/data/articles/public";
import type { SiteSettings } from "@/lib/data/settings";
import { defaultSlug, localizeSection, localName, resolveEditionSlug, type EditionNames } from "@/lib/data/editions";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";
import { sectionAlternates } from "@/lib/i18n/alternates";
import { loadEdition } from "@/lib/i18n/edition";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export type ArticlePage = Awaited<ReturnType<typeof findPublishedPage>>;

/** Where each kind lives, what its list is filtered by, and whether it has feeds of its own (/{base}/feed.xml, …, in every edition). */
const KINDS = {
  section: { param: "section", prefix: "", filter: (slug: string): ListFilter => ({ sectionSlug: slug }), hasFeeds: true, names: "sections", entity: "SECTION" },
  tag: { param: "slug", prefix: "/tag", filter: (slug: string): ListFilter => ({ tagSlug: slug }), hasFeeds: false, names: "tags", entity: "TAG" },
  author: { param: "slug", prefix: "/author", filter: (slug: string): ListFilter => ({ authorSlug: slug }), hasFeeds: true, names: null, entity: null },
} as const;

const BY_SLUG = { sections: "sectionBySlug", tags: "tagBySlug" } as const;

type Subject = { name: string; slug: string };

export type ListingKind<S extends Subject> = {
  kind: keyof typeof KINDS;
  load: (slug: string) => Promise<S | null>;
  /** The current slug of a renamed subject, whose old URLs then answer 308. */
  renamed?: (slug: string) => Promise<string | null>;
  description: (subject: S, page: number, settings: SiteSettings, text: ReaderText) => string | undefined;
  /** What stands above the list; `spacing` is the list's top margin below it. */
  header: (subject: S, list: ArticlePage, text: ReaderText) => ReactNode;
  spacing: string;
  empty?: (subject: S, text: ReaderText) => ReactNode;
};

/** The list's own heading (its cards' headlines are h3 under it), with "· page n of m" when there are pages. */
export function ListHeading({ list, top = "mt-8", text = ENGLISH_TEXT, children }: { list: ArticlePage; top?: string; text?: ReaderText; children: ReactNode }) {
  return (
    <h2 className={`${top} border-b border-gray-300 pb-2 text-sm font-semibold uppercase tracking-wide text-muted dark:border-gray-600`}>
      {children}
      {list.totalPages > 1 && text.t("pageOf", { page: String(list.page), total: String(list.totalPages) })}
    </h2>
  );
}

/** A "/page/{n}" segment: a plain positive number without leading zeros, else null. */
function parsePageSegment(segment: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(segment) ? Number(segment) : null;
}

type Props = { params: Promise<Record<string, string>> };

/** The route exports of a kind of listing: `first` for /{base}, `numbered` for /{base}/page/{n}. */
export function pagedListing<S extends Subject>(listing: ListingKind<S>, code: string | null = null) {
  const kind = KINDS[listing.kind];
  const local = (names: EditionNames) => (kind.names ? names[kind.names] : {});
  // Once per request for metadata and page alike: the edition, and the subject under the edition's name and slug.
  const load = cache(async (slug: string) => {
    const context = await loadEdition(code);
    if (!context) notFound();
    const found = await listing.load(kind.names ? defaultSlug(slug, context.names[BY_SLUG[kind.names]]) : slug);
    return { context, subject: found && localName(found, local(context.names)), defaultSlug: found?.slug ?? slug };
  });

  async function metadata(slug: string, page: number): Promise<Metadata> {
    const { context, subject, defaultSlug: ownSlug } = await load(slug);
    if (!subject) return {};
    const { settings, text } = context;
    const basePath = text.path(`${kind.prefix}/${subject.slug}`);
    const siteFeeds = feedAlternates(text.prefix, settings.siteName);
    return {
      title: page > 1 ? text.t("pageTitle", { name: subject.name, page: String(page) }) : subject.name,
      description: listing.description(subject, page, settings, text),
      alternates: {
        canonical: pageHref(basePath, page),
        ...(listing.kind === "section" && page === 1 ? { languages: await sectionAlternates(ownSlug) } : {}),
        types: kind.hasFeeds ? combineFeedAlternates(siteFeeds, feedAlternates(basePath, `${subject.name} · ${settings.siteName}`)) : siteFeeds,
      },
    };
  }

  async function Listing({ slug, page }: { slug: string; page: number }) {
    const { context, subject, defaultSlug: ownSlug } = await load(slug);
    const { text, names, edition } = context;
    const basePath = (current: string) => text.path(`${kind.prefix}/${current}`);
    if (!subject) {
      // The default edition's renamed slugs, or the edition's own former (translated) ones.
      const current = code === null ? await listing.renamed?.(slug) : kind.entity && (await resolveEditionSlug(code, kind.entity, slug));
      if (current) permanentRedirect(pageHref(basePath(current), page));
      notFound();
    }
    const list = await findPublishedPage({ ...kind.filter(ownSlug), editionId: edition.id }, page);
    if (page > list.totalPages) notFound();
    return (
      <>
        {listing.header(subject, list, text)}
        <ArticleList
          articles={list.items.map((card) => localizeSection(card, names))}
          {...context.dates}
          text={text}
          basePath={basePath(subject.slug)}
          page={list.page}
          totalPages={list.totalPages}
          spacing={listing.spacing}
          empty={listing.empty?.(subject, text)}
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
        if (page === 1) permanentRedirect(`${code === null ? "" : `/${code}`}${kind.prefix}/${encodeURIComponent(slug)}`);
        return <Listing slug={slug} page={page} />;
      },
    },
  };
}
