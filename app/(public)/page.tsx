import { connection } from "next/server";
import { ArticleCard } from "@/components/article/article-card";
import { findLatestPublished } from "@/lib/data/articles";
import { getSiteSettings } from "@/lib/data/settings";

export default async function HomePage() {
  await connection();
  const [settings, articles] = await Promise.all([getSiteSettings(), findLatestPublished({ take: 20 })]);
  const [lead, ...rest] = articles;
  return (
    <>
      <h1 className="sr-only">{settings.siteName}: latest news</h1>
      {!lead ? (
        <p>No articles have been published yet.</p>
      ) : (
        <div className="grid gap-8 md:grid-cols-3">
          <section aria-labelledby="lead-heading" className="md:col-span-2">
            <h2 id="lead-heading" className="sr-only">
              Lead story
            </h2>
            <ArticleCard article={lead} locale={settings.locale} timeZone={settings.timeZone} lead />
          </section>
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading" className="mb-4 border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-wide">
              Latest
            </h2>
            <div className="space-y-5">
              {rest.map((article) => (
                <ArticleCard key={article.id} article={article} locale={settings.locale} timeZone={settings.timeZone} />
              ))}
            </div>
          </section>
        </div>
      )}
    </>
  );
}
