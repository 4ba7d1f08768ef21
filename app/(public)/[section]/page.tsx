import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticleCard } from "@/components/article/article-card";
import { findLatestPublished } from "@/lib/data/articles";
import { getSectionBySlug } from "@/lib/data/sections";
import { getSiteSettings } from "@/lib/data/settings";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const section = await getSectionBySlug((await params).section);
  return section ? { title: section.name, description: section.description } : {};
}

export default async function SectionPage({ params }: Props) {
  await connection();
  const section = await getSectionBySlug((await params).section);
  if (!section) notFound();
  const [settings, articles] = await Promise.all([getSiteSettings(), findLatestPublished({ sectionSlug: section.slug, take: 30 })]);
  return (
    <>
      <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
      {section.description && <p className="mt-2 text-muted">{section.description}</p>}
      <div className="mt-8 space-y-5">
        {articles.length === 0 && <p>Nothing has been published in {section.name} yet.</p>}
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} locale={settings.locale} timeZone={settings.timeZone} />
        ))}
      </div>
    </>
  );
}
