/**
 * The front page: the lead story (with its featured image when it has one), the next top stories, then the latest
 * of each section in the admins' order. One edition's: the default edition's at /, another's at /{code}. A route
 * handler's document, rendered by React's HTML renderer alone and kept as an ISR entry under the tags of its reads
 * (decision 0034), so a publish re-renders it quickly.
 */
import { ReaderDocument } from "@/components/layout/reader-document";
import { readerDocumentResponse } from "@/lib/reader/response";
import { withRenderReads } from "@/lib/data/cache";
import { missingPageResponse } from "./missing-document";
import { feedAlternates } from "@/lib/feeds/links";
import { ArticleCard } from "@/components/article/article-card";
import { getFrontPage } from "@/lib/data/articles/public";
import { localizeSection, localName } from "@/lib/data/editions";
import { homeAlternates } from "@/lib/i18n/alternates";
import { loadEdition, type EditionContext } from "@/lib/i18n/edition";

/** The response for / (`code` null) or /{code}: the edition's front page, or the 404 page of an unknown edition. */
export function homeResponse(code: string | null): Promise<Response> {
  return withRenderReads(() => renderHome(code));
}

async function renderHome(code: string | null): Promise<Response> {
  const context = await loadEdition(code);
  if (!context) return missingPageResponse(null);
  const { text, settings } = context;
  const metadata = { alternates: { canonical: text.path("/"), languages: await homeAlternates(), types: feedAlternates(text.prefix, settings.siteName) } };
  return readerDocumentResponse(
    <ReaderDocument context={context} metadata={metadata}>
      <HomePage context={context} />
    </ReaderDocument>,
  );
}

async function HomePage({ context }: { context: EditionContext }) {
  const { settings, text, names } = context;
  const { lead, top, bySection } = await getFrontPage(context.edition.id);
  const localize = <T extends { section: { name: string; slug: string } }>(card: T) => localizeSection(card, names);
  const front = { lead: lead && localize(lead), top: top.map(localize), bySection: bySection.map((b) => ({ ...b, articles: b.articles.map(localize) })) };
  const dates = { ...context.dates, text };
  const sectionName = (section: { name: string; slug: string }) => localName(section, names.sections);
  return (
    <>
      <h1 className="sr-only">{text.t("latestNews", { site: settings.siteName })}</h1>
      {!front.lead ? (
        <p>{text.t("nothingPublished")}</p>
      ) : (
        // With no top stories the lead takes the whole row: no column is left empty.
        <div className={front.top.length > 0 ? "grid gap-10 md:grid-cols-3" : undefined}>
          <section aria-labelledby="lead-heading" className={front.top.length > 0 ? "md:col-span-2" : undefined}>
            <h2 id="lead-heading" className="sr-only">
              {text.t("leadStory")}
            </h2>
            <ArticleCard article={front.lead} {...dates} lead image={front.lead.image} />
          </section>
          {front.top.length > 0 && (
            <section aria-labelledby="top-heading">
              <h2 id="top-heading" className="mb-4 border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-wide dark:border-gray-300">
                {text.t("topStories")}
              </h2>
              <div className="space-y-5">
                {front.top.map((article) => (
                  <ArticleCard key={article.id} article={article} {...dates} />
                ))}
              </div>
            </section>
          )}
        </div>
      )}
      {front.bySection.map(({ section: defaultSection, articles }) => {
        const section = sectionName(defaultSection);
        return (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-12">
          <h2 id={`section-${section.slug}`} className="mb-4 flex items-baseline justify-between border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-wide dark:border-gray-300">
            <a href={text.path(`/${section.slug}`)} className="hover:underline">
              {section.name}
            </a>
            <a href={text.path(`/${section.slug}`)} className="text-xs font-semibold normal-case tracking-normal text-muted hover:underline">
              {text.t("moreIn", { section: section.name })}
              <span aria-hidden="true"> →</span>
            </a>
          </h2>
          <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} {...dates} />
            ))}
          </div>
        </section>
        );
      })}
    </>
  );
}
