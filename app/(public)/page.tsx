/**
 * The front page: the lead story (with its featured image when it has one), the next top stories, then the latest
 * of each section in the admins' order.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { feedAlternates } from "@/lib/feeds/links";
import { ArticleCard } from "@/components/article/article-card";
import { getFrontPage } from "@/lib/data/articles/public";
import { getSiteSettings } from "@/lib/data/settings";
import { getDefaultEdition } from "@/lib/data/editions";

export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return { alternates: { canonical: "/", types: feedAlternates("", settings.siteName) } };
}

export default async function HomePage() {
  const [settings, edition] = await Promise.all([getSiteSettings(), getDefaultEdition()]);
  const front = await getFrontPage(edition.id);
  const dates = { locale: settings.locale, timeZone: settings.timeZone };
  return (
    <>
      <h1 className="sr-only">{settings.siteName}: the latest news</h1>
      {!front.lead ? (
        <p>No articles have been published yet.</p>
      ) : (
        // With no top stories the lead takes the whole row: no column is left empty.
        <div className={front.top.length > 0 ? "grid gap-10 md:grid-cols-3" : undefined}>
          <section aria-labelledby="lead-heading" className={front.top.length > 0 ? "md:col-span-2" : undefined}>
            <h2 id="lead-heading" className="sr-only">
              Lead story
            </h2>
            <ArticleCard article={front.lead} {...dates} lead image={front.lead.image} />
          </section>
          {front.top.length > 0 && (
            <section aria-labelledby="top-heading">
              <h2 id="top-heading" className="mb-4 border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-wide dark:border-gray-300">
                Top stories
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
      {front.bySection.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-12">
          <h2 id={`section-${section.slug}`} className="mb-4 flex items-baseline justify-between border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-wide dark:border-gray-300">
            <Link href={`/${section.slug}`} className="hover:underline">
              {section.name}
            </Link>
            <Link href={`/${section.slug}`} className="text-xs font-semibold normal-case tracking-normal text-muted hover:underline">
              More {section.name}
              <span aria-hidden="true"> →</span>
            </Link>
          </h2>
          <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} {...dates} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
