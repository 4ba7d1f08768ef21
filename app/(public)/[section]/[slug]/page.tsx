/**
 * The article page. Rendered once and served from the cache (ISR); publishing, correcting or unpublishing expires it
 * through its cache tags (lib/data/cache.ts). Renamed slugs answer 308 to the current URL; unpublished ones 410
 * (proxy.ts); anything else that is not published is a 404.
 */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleCard } from "@/components/article/article-card";
import { ArticleWithAds } from "@/components/article/article-with-ads";
import { findRelatedArticles, getPublishedArticle, locateArticle } from "@/lib/data/articles/public";
import { listAdSlots } from "@/lib/data/ad-slots";
import { getSiteSettings } from "@/lib/data/settings";
import { getEnv } from "@/lib/env";
import { isoWithOffset } from "@/lib/dates";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";
import { breadcrumbJsonLd, liveBlogPostingJsonLd, newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { listPublicLiveEntries } from "@/lib/data/live/public";
import { toLiveEntryView } from "@/lib/live/view";
import { LiveLabel, LiveUpdates } from "@/components/live/live-story";
import { ArticleNewsletterSignUp } from "./newsletter-sign-up";

export const revalidate = 3600;
export { generateStaticParams } from "../../on-demand";

type Props = { params: Promise<{ section: string; slug: string }> };

/** One query shared by generateMetadata and the page. */
const loadArticle = cache(async (section: string, slug: string) => {
  const article = await getPublishedArticle(section, slug);
  if (article) return article;
  const location = await locateArticle(section, slug);
  if (location?.kind === "moved") permanentRedirect(location.path);
  notFound();
});

/** The social card's picture; its alt text is never empty (twitter:image:alt goes with every card image). */
function imageFor(article: Awaited<ReturnType<typeof loadArticle>>, siteUrl: string) {
  const image = article.featuredImage;
  const alt = image?.alt || article.headline;
  if (image?.og) return { url: `${siteUrl}${image.og.url}`, width: image.og.width, height: image.og.height, alt };
  if (image) return { url: `${siteUrl}${image.url}`, width: image.width, height: image.height, alt };
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
    // A live story also offers the feeds of its own entries.
    alternates: { canonical: path, types: article.live ? combineFeedAlternates(feedAlternates("", settings.siteName), feedAlternates(path, article.headline)) : feedAlternates("", settings.siteName) },
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
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await loadArticle(section, slug);
  const [settings, header, inArticle, sidebar, related, liveRows] = await Promise.all([
    getSiteSettings(),
    listAdSlots("HEADER"),
    listAdSlots("IN_ARTICLE"),
    listAdSlots("SIDEBAR"),
    findRelatedArticles(article.id, article.section.slug, article.tags.map((t) => t.slug), article.editionId),
    article.live ? listPublicLiveEntries(article.id, article.slug) : Promise.resolve([]),
  ]);
  const siteUrl = getEnv().siteUrl;
  const url = `${siteUrl}/${article.section.slug}/${article.slug}`;
  const site = { siteName: settings.siteName, timeZone: settings.timeZone, siteUrl, logoUrl: settings.logoUrl ? new URL(settings.logoUrl, siteUrl).toString() : `${siteUrl}/logo.png` };
  const forLd = { ...article, imageUrl: imageFor(article, siteUrl).url };
  // A live story: its entries under the summary, kept current by the live updater (components/live/live-story.tsx).
  const entries = liveRows.map((row) => toLiveEntryView(row, settings));
  const live = article.live && {
    kicker: <LiveLabel isOpen={article.live.endAt === null} />,
    afterBody: <LiveUpdates storyId={article.id} seq={article.live.seq} isOpen={article.live.endAt === null} entries={entries} pageUrl={url} />,
  };
  const jsonLd = [
    article.live ? liveBlogPostingJsonLd(forLd, article.live, entries, site) : newsArticleJsonLd(forLd, site),
    breadcrumbJsonLd([
      { name: settings.siteName, url: `${siteUrl}/` },
      { name: article.section.name, url: `${siteUrl}/${article.section.slug}` },
      { name: article.headline, url },
    ]),
  ];

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <ArticleWithAds
        article={article}
        url={url}
        locale={settings.locale}
        timeZone={settings.timeZone}
        ads={{ header: header[0], inArticle: inArticle[0], sidebar: sidebar[0] }}
        houseAd={settings.houseAd}
        adParagraph={settings.adParagraph}
        {...live}
      />
      <ArticleNewsletterSignUp sectionSlug={article.section.slug} />

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
