import { notFound, permanentRedirect } from "next/navigation";
import { ArticleCard } from "@/components/article/article-card";
import { Pagination } from "@/components/ui/pagination";
import { findPublishedPage } from "@/lib/data/articles";
import { getSectionBySlug, resolveSectionSlug } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";

/** A section's page n: shared by /{section} and /{section}/page/{n}. Renamed sections redirect permanently. */
export async function SectionListing({ sectionSlug, page }: { sectionSlug: string; page: number }) {
  const section = await getSectionBySlug(sectionSlug);
  if (!section) {
    const current = await resolveSectionSlug(sectionSlug);
    if (current) permanentRedirect(page > 1 ? `/${current}/page/${page}` : `/${current}`);
    notFound();
  }
  const [settings, list] = await Promise.all([getSiteSettings(), findPublishedPage({ sectionSlug: section.slug }, page)]);
  if (page > list.totalPages) notFound();
  return (
    <>
      <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
      {section.description && <p className="mt-2 text-muted">{section.description}</p>}
      {page > 1 && <p className="mt-1 text-sm text-muted">Page {page} of {list.totalPages}</p>}
      <div className="mt-8 space-y-5">
        {list.items.length === 0 && <p>Nothing has been published in {section.name} yet.</p>}
        {list.items.map((article) => (
          <ArticleCard key={article.id} article={article} locale={settings.locale} timeZone={settings.timeZone} />
        ))}
      </div>
      <Pagination basePath={`/${section.slug}`} page={page} totalPages={list.totalPages} />
    </>
  );
}
