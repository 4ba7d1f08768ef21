/**
 * The article page: a route handler (app/(public)/[section]/[slug]/route.ts) that renders the page as a document
 * with React's HTML renderer alone, without Next's RSC pass (decision 0034; the page never hydrates: decision 0022).
 * Rendered once and served from the cache (ISR); publishing, correcting or unpublishing expires it through its
 * cache tags (lib/data/cache.ts), which the reads below attach to the response as a page's would. Renamed slugs
 * answer 308 to the current URL; unpublished or deleted ones 410 (lib/data/articles/gone.ts; the answer is cached
 * under the same tags, which taking an article down or putting it back expires); anything else is a 404. One
 * edition's: the default edition's at /{section}/{slug}, another's at /{code}/{section}/{slug} (its own section
 * slug); an article is at home in one edition only. The page lists its published translations as hreflang
 * alternates and links them for readers.
 */
import { permanentRedirect } from "next/navigation";
import { ArticleCard } from "@/components/article/article-card";
import { ArticleWithAds } from "@/components/article/article-with-ads";
import { findRelatedArticles, getPublishedArticle, locateArticle } from "@/lib/data/articles/public";
import { listAdSlots } from "@/lib/data/ad-slots";
import { defaultSlug, listEditions, localizeSection, localName, resolveEditionSlug } from "@/lib/data/editions";
import { articleAlternates } from "@/lib/i18n/alternates";
import { loadEdition } from "@/lib/i18n/edition";
import { TranslationLinks } from "@/components/article/translation-links";
import { getEnv } from "@/lib/env";
import { isoWithOffset } from "@/lib/dates";
import { combineFeedAlternates, feedAlternates } from "@/lib/feeds/links";
import { breadcrumbJsonLd, liveBlogPostingJsonLd, newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { listPublicLiveEntries } from "@/lib/data/live/public";
import { toLiveEntryView } from "@/lib/live/view";
import { LiveLabel, LiveUpdates } from "@/components/live/live-story";
import { ArticleNewsletterSignUp } from "./[section]/[slug]/newsletter-sign-up";
import { ReaderDocument } from "@/components/layout/reader-document";
import { readerDocumentResponse } from "@/lib/reader/response";
import { withRenderReads } from "@/lib/data/cache";
import { missingPageResponse } from "./missing-document";
import { isGonePath } from "@/lib/data/articles/gone";
import type { DocumentMetadata } from "@/lib/seo/head-tags";

/** The edition, and the article at home in it (its section named as the edition names it); null when there is none. */
async function loadArticle(code: string | null, localSection: string, slug: string) {
  const context = await loadEdition(code);
  if (!context) return null;
  const section = defaultSlug(localSection, context.names.sectionBySlug);
  const found = await getPublishedArticle(section, slug);
  if (found && found.editionId === context.edition.id) {
    return { context, article: { ...localizeSection(found, context.names), tags: found.tags.map((t) => localName(t, context.names.tags)) }, sectionSlug: section };
  }
  // A renamed slug or a story moved to another section leads to its current address in its edition (in the
  // edition's section slug); in a prefixed edition, a section's former translated slug leads to its current one.
  const location = found ? null : await locateArticle(section, slug, context.edition.id);
  if (location?.kind === "moved") {
    const moved = localName({ name: "", slug: location.sectionSlug }, context.names.sections);
    permanentRedirect(context.text.path(`/${moved.slug}/${location.slug}`));
  }
  const current = code !== null && !found ? await resolveEditionSlug(code, "SECTION", localSection) : null;
  if (current) permanentRedirect(context.text.path(`/${current}/${slug}`));
  return { context, article: null, sectionSlug: section };
}

type Loaded = Awaited<ReturnType<typeof loadArticle>>;
type Found = Exclude<Loaded, null> & { sectionSlug: string; article: NonNullable<Exclude<Loaded, null>["article"]> };

/** The social card's picture; its alt text is never empty (twitter:image:alt goes with every card image). */
function imageFor(article: Found["article"] & { sectionDefaultSlug: string }, siteUrl: string) {
  const image = article.featuredImage;
  const alt = image?.alt || article.headline;
  if (image?.og) return { url: `${siteUrl}${image.og.url}`, width: image.og.width, height: image.og.height, alt };
  if (image) return { url: `${siteUrl}${image.url}`, width: image.width, height: image.height, alt };
  return { url: `${siteUrl}/og/${article.sectionDefaultSlug}/${article.slug}`, width: 1200, height: 630, alt: article.headline };
}

async function articleMetadata({ article: found, context, sectionSlug }: Found): Promise<DocumentMetadata> {
  const article = { ...found, sectionDefaultSlug: sectionSlug };
  const { settings, text } = context;
  const siteUrl = getEnv().siteUrl;
  const path = text.path(`/${article.section.slug}/${article.slug}`);
  const title = article.seoTitle || article.headline;
  const description = article.seoDescription || article.dek || undefined;
  const image = imageFor(article, siteUrl);
  return {
    title,
    description,
    // A live story also offers the feeds of its own entries.
    alternates: {
      canonical: path,
      languages: await articleAlternates(article.translationGroupId),
      types: article.live ? combineFeedAlternates(feedAlternates(text.prefix, settings.siteName), feedAlternates(path, article.headline)) : feedAlternates(text.prefix, settings.siteName),
    },
    openGraph: {
      type: "article",
      url: `${siteUrl}${path}`,
      title,
      description,
      images: [image],
      publishedTime: isoWithOffset(article.publishedAt, settings.timeZone),
      modifiedTime: isoWithOffset(article.revisedAt ?? article.publishedAt, settings.timeZone),
      section: article.section.name,
      authors: article.authors.map((a) => `${siteUrl}${text.path(`/author/${a.slug}`)}`),
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: "summary_large_image", title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

async function ArticlePage({ article: found, context, sectionSlug }: Found) {
  const article = { ...found, sectionDefaultSlug: sectionSlug };
  const { settings, text, names } = context;
  const [header, inArticle, sidebar, relatedCards, liveRows, translations, editions] = await Promise.all([
    listAdSlots("HEADER"),
    listAdSlots("IN_ARTICLE"),
    listAdSlots("SIDEBAR"),
    findRelatedArticles(article.id, sectionSlug, found.tags.map((t) => defaultSlug(t.slug, names.tagBySlug)), article.editionId),
    article.live ? listPublicLiveEntries(article.id, article.slug) : Promise.resolve([]),
    articleAlternates(article.translationGroupId),
    listEditions(),
  ]);
  const related = relatedCards.map((card) => localizeSection(card, names));
  const siteUrl = getEnv().siteUrl;
  const url = `${siteUrl}${text.path(`/${article.section.slug}/${article.slug}`)}`;
  const site = { siteName: settings.siteName, timeZone: settings.timeZone, siteUrl, prefix: text.prefix, inLanguage: text.lang, logoUrl: settings.logoUrl ? new URL(settings.logoUrl, siteUrl).toString() : `${siteUrl}/logo.png` };
  const forLd = { ...article, imageUrl: imageFor(article, siteUrl).url };
  // A live story: its entries under the summary, kept current by the live updater (components/live/live-story.tsx).
  const entries = liveRows.map((row) => toLiveEntryView(row, { ...context.dates, text }));
  const live = article.live && {
    kicker: <LiveLabel isOpen={article.live.endAt === null} text={text} />,
    afterBody: <LiveUpdates storyId={article.id} seq={article.live.seq} isOpen={article.live.endAt === null} entries={entries} pageUrl={url} text={text} />,
  };
  const jsonLd = [
    article.live ? liveBlogPostingJsonLd(forLd, article.live, entries, site) : newsArticleJsonLd(forLd, site),
    breadcrumbJsonLd([
      { name: settings.siteName, url: `${siteUrl}${text.path("/")}` },
      { name: article.section.name, url: `${siteUrl}${text.path(`/${article.section.slug}`)}` },
      { name: article.headline, url },
    ]),
  ];

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <TranslationLinks current={context.edition.id} alternates={translations} names={Object.fromEntries(editions.map((e) => [e.id, e.name]))} text={text} />
      <ArticleWithAds
        article={article}
        url={url}
        {...context.dates}
        text={text}
        ads={{ header: header[0], inArticle: inArticle[0], sidebar: sidebar[0] }}
        houseAd={settings.houseAd}
        adParagraph={settings.adParagraph}
        {...live}
      />
      <ArticleNewsletterSignUp sectionSlug={sectionSlug} text={text} />

      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="mx-auto mt-12 max-w-3xl border-t border-gray-300 pt-6 dark:border-gray-700">
          <h2 id="related-heading" className="mb-4 text-sm font-bold uppercase tracking-wide">{text.t("related")}</h2>
          <div className="grid gap-6 sm:grid-cols-2">
            {related.map((item) => (
              <ArticleCard key={item.id} article={item} {...context.dates} text={text} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}

/**
 * The response for /{section}/{slug} (`code` null) or /{code}/{section}/{slug}: the article's document (200), a
 * redirect for a former address (thrown: Next answers 308), or the edition's 404 page.
 */
export function articleResponse(code: string | null, params: { section: string; slug: string }): Promise<Response> {
  return withRenderReads(() => renderArticle(code, params));
}

async function isGoneInEdition(context: NonNullable<Loaded>["context"], sections: string[], slug: string): Promise<boolean> {
  const paths = new Set(sections.map((section) => `${context.text.prefix}/${section}/${slug}`));
  const answers = await Promise.all([...paths].map((path) => isGonePath(path, getEnv().databaseUrl)));
  return answers.includes(true);
}

async function renderArticle(code: string | null, { section, slug }: { section: string; slug: string }): Promise<Response> {
  const loaded = await loadArticle(code, section, slug);
  if (!loaded?.article) {
    // Taken down (unpublished, or deleted after it was published): 410 with the edition's page, in its language, at
    // the address asked for and at the edition's own for that section (an edition also answers its stories under a
    // section's default slug, /es/news/…, while they are published).
    const gone = loaded && (await isGoneInEdition(loaded.context, [section, localName({ name: "", slug: loaded.sectionSlug }, loaded.context.names.sections).slug], slug));
    return missingPageResponse(loaded?.context ?? null, gone ? 410 : 404);
  }
  const found = loaded as Found;
  const metadata = await articleMetadata(found);
  return readerDocumentResponse(
    <ReaderDocument context={found.context} metadata={metadata}>
      <ArticlePage {...found} />
    </ReaderDocument>,
  );
}
