/**
 * The article page. Rendered once and served from the cache (ISR); publishing, correcting or unpublishing expires it
 * through its cache tags (lib/data/cache.ts). Renamed slugs answer 308 to the current URL; unpublished ones 410
 * (proxy.ts); anything else that is not published is a 404.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { AdSlot } from "@/components/article/ad-slot";
import { ArticleCard } from "@/components/article/article-card";
import { Byline } from "@/components/article/byline";
import { ShareLinks } from "@/components/article/share-links";
import { findRelatedArticles, getPublishedArticle, locateArticle } from "@/lib/data/articles";
import { getSiteSettings, listAdSlots } from "@/lib/data/settings";
import { getEnv } from "@/lib/env";
import { formatPublicDate, isoWithOffset } from "@/lib/format";
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ section: string; slug: string }> };

/** One query shared by generateMetadata and the page. */
const loadArticle = cache(async (section: string, slug: string) => {
  const article = await getPublishedArticle(section, slug);
  if (article) return article;
  const location = await locateArticle(section, slug);
  if (location?.kind === "moved") permanentRedirect(location.path);
  notFound();
});

function imageFor(article: Awaited<ReturnType<typeof loadArticle>>, siteUrl: string) {
  if (article.featuredImage) return { url: `${siteUrl}${article.featuredImage.url}`, width: article.featuredImage.width, height: article.featuredImage.height, alt: article.featuredImage.alt };
  return { url: `${siteUrl}/og/${article.section.slug}/${article.slug}`, width: 1200, height: 630, alt: article.headline };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const [article, settings] = await Promise.all([loadArticle(section, slug), getSiteSettings()]);
  const siteUrl = getEnv().siteUrl;
  const path = `/${article.section.slug}/${article.slug}`;
  const title = article.seoTitle || article.headline;
  const description = article.seoDescription || article.dek || undefined;
  const image = imageFor(article, siteUrl);
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: {
      type: "article",
      url: `${siteUrl}${path}`,
      title,
      description,
      siteName: settings.siteName,
      locale: settings.locale.replace("-", "_"),
      images: [image],
      publishedTime: isoWithOffset(article.publishedAt, settings.timeZone),
      modifiedTime: isoWithOffset(article.revisedAt ?? article.publishedAt, settings.timeZone),
      section: article.section.name,
      authors: article.authors.map((a) => `${siteUrl}/author/${a.slug}`),
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}

const CORRECTION_LABEL = { CORRECTION: "Correction", UPDATE: "Update", CLARIFICATION: "Clarification" } as const;

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await loadArticle(section, slug);
  const [settings, ads, related] = await Promise.all([
    getSiteSettings(),
    listAdSlots("HEADER"),
    findRelatedArticles(article.id, article.section.slug, article.tags.map((t) => t.slug)),
  ]);
  const siteUrl = getEnv().siteUrl;
  const url = `${siteUrl}/${article.section.slug}/${article.slug}`;
  const date = (d: Date) => formatPublicDate(d, settings.locale, settings.timeZone);
  const jsonLd = [
    newsArticleJsonLd(
      { ...article, imageUrl: imageFor(article, siteUrl).url },
      { siteName: settings.siteName, timeZone: settings.timeZone, siteUrl, logoUrl: settings.logoUrl ? new URL(settings.logoUrl, siteUrl).toString() : `${siteUrl}/logo.png` },
    ),
    breadcrumbJsonLd([
      { name: settings.siteName, url: `${siteUrl}/` },
      { name: article.section.name, url: `${siteUrl}/${article.section.slug}` },
      { name: article.headline, url },
    ]),
  ];

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <AdSlot ad={ads[0]} placement="header" />
      <article className="mx-auto max-w-3xl">
        <header>
          <p className="text-sm font-semibold uppercase tracking-wide text-accent">
            <Link href={`/${article.section.slug}`}>{article.section.name}</Link>
          </p>
          <h1 className="mt-2 font-serif text-4xl font-bold leading-tight md:text-5xl">{article.headline}</h1>
          {article.dek && <p className="mt-3 text-xl text-muted">{article.dek}</p>}
          <div className="mt-5 space-y-1 border-y border-gray-200 py-3 dark:border-gray-700">
            <Byline authors={article.authors} />
            <p className="text-sm text-muted">
              {article.datelineCity && <span className="font-semibold uppercase tracking-wide text-ink">{article.datelineCity}</span>}
              {article.datelineCity && " · "}
              <time dateTime={isoWithOffset(article.publishedAt, settings.timeZone)}>{date(article.publishedAt)}</time>
              {article.revisedAt && article.revisedAt > article.publishedAt && (
                <>
                  {" · "}Updated <time dateTime={isoWithOffset(article.revisedAt, settings.timeZone)}>{date(article.revisedAt)}</time>
                </>
              )}
            </p>
          </div>
        </header>

        {article.featuredImage && (
          <figure className="mt-6">
            {/* eslint-disable-next-line @next/next/no-img-element -- the media pipeline (responsive variants) serves these */}
            <img
              src={article.featuredImage.url}
              alt={article.featuredImage.alt}
              width={article.featuredImage.width}
              height={article.featuredImage.height}
              fetchPriority="high"
              className="h-auto w-full rounded"
            />
            {(article.featuredImage.caption || article.featuredImage.credit) && (
              <figcaption className="mt-2 text-sm text-muted">
                {article.featuredImage.caption} {article.featuredImage.credit && <span className="text-xs uppercase tracking-wide">{article.featuredImage.credit}</span>}
              </figcaption>
            )}
          </figure>
        )}

        <div className="article-body mt-8 font-serif text-lg leading-relaxed" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

        {article.corrections.length > 0 && (
          <section aria-labelledby="corrections-heading" className="mt-8 rounded border-l-4 border-amber-500 bg-amber-50 p-4 dark:bg-amber-950">
            <h2 id="corrections-heading" className="font-semibold">
              Corrections and updates
            </h2>
            <ul className="mt-2 space-y-2 text-sm">
              {article.corrections.map((c) => (
                <li key={c.id}>
                  <strong>{CORRECTION_LABEL[c.kind]}</strong> (<time dateTime={isoWithOffset(c.publishedAt, settings.timeZone)}>{date(c.publishedAt)}</time>): {c.text}
                </li>
              ))}
            </ul>
          </section>
        )}

        {article.tags.length > 0 && (
          <nav aria-label="Tags" className="mt-8">
            <ul className="flex flex-wrap gap-2 text-sm">
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={`/tag/${tag.slug}`} className="rounded-full bg-gray-100 px-3 py-1 hover:bg-gray-200 dark:bg-gray-800 dark:hover:bg-gray-700">
                    {tag.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}

        <ShareLinks url={url} title={article.headline} />

        <p className="mt-8">
          <Link href={`/${article.section.slug}`} className="font-semibold hover:underline">
            {"< Back"}
          </Link>
        </p>
      </article>

      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="mx-auto mt-12 max-w-3xl border-t border-gray-300 pt-6 dark:border-gray-700">
          <h2 id="related-heading" className="mb-4 text-sm font-bold uppercase tracking-wide">
            Related
          </h2>
          <div className="grid gap-6 sm:grid-cols-2">
            {related.map((item) => (
              <ArticleCard key={item.id} article={item} locale={settings.locale} timeZone={settings.timeZone} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
