import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { AdSlot } from "@/components/article/ad-slot";
import { Byline } from "@/components/article/byline";
import { ShareLinks } from "@/components/article/share-links";
import { getPublishedArticle } from "@/lib/data/articles";
import { getSiteSettings, listAdSlots } from "@/lib/data/settings";
import { getEnv } from "@/lib/env";
import { formatPublicDate } from "@/lib/format";

type Props = { params: Promise<{ section: string; slug: string }> };

/** One query shared by generateMetadata and the page. */
const loadArticle = cache((section: string, slug: string) => getPublishedArticle(section, slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { section, slug } = await params;
  const article = await loadArticle(section, slug);
  if (!article) return {};
  return {
    title: article.seoTitle || article.headline,
    description: article.seoDescription || article.dek,
    alternates: { canonical: `/${article.section.slug}/${article.slug}` },
  };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const { section, slug } = await params;
  const article = await loadArticle(section, slug);
  if (!article) notFound();
  const [settings, ads] = await Promise.all([getSiteSettings(), listAdSlots("HEADER")]);
  const url = `${getEnv().siteUrl}/${article.section.slug}/${article.slug}`;
  const date = (d: Date) => formatPublicDate(d, settings.locale, settings.timeZone);

  return (
    <>
      <AdSlot ad={ads[0]} placement="header" />
      <article className="mx-auto max-w-3xl">
        <header>
          <p className="text-sm font-semibold uppercase tracking-wide text-accent">
            <Link href={`/${article.section.slug}`}>{article.section.name}</Link>
          </p>
          <h1 className="mt-2 font-serif text-4xl font-bold leading-tight md:text-5xl">{article.headline}</h1>
          {article.dek && <p className="mt-3 text-xl text-muted">{article.dek}</p>}
          <div className="mt-5 space-y-1 border-y border-gray-200 py-3">
            <Byline authors={article.authors} />
            <p className="text-sm text-muted">
              {article.datelineCity && <span className="font-semibold uppercase tracking-wide text-ink">{article.datelineCity}</span>}
              {article.datelineCity && " · "}
              <time dateTime={article.publishedAt.toISOString()}>{date(article.publishedAt)}</time>
              {article.revisedAt && article.revisedAt > article.publishedAt && (
                <>
                  {" · "}Updated <time dateTime={article.revisedAt.toISOString()}>{date(article.revisedAt)}</time>
                </>
              )}
            </p>
          </div>
        </header>

        <div className="article-body mt-8 font-serif text-lg leading-relaxed" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

        {article.corrections.length > 0 && (
          <section aria-labelledby="corrections-heading" className="mt-8 rounded border-l-4 border-amber-500 bg-amber-50 p-4">
            <h2 id="corrections-heading" className="font-semibold">
              Corrections and updates
            </h2>
            <ul className="mt-2 space-y-2 text-sm">
              {article.corrections.map((c) => (
                <li key={c.id}>
                  <strong>{c.kind === "CORRECTION" ? "Correction" : c.kind === "UPDATE" ? "Update" : "Clarification"}</strong>{" "}
                  (<time dateTime={c.publishedAt.toISOString()}>{date(c.publishedAt)}</time>): {c.text}
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
                  <Link href={`/tag/${tag.slug}`} className="rounded-full bg-gray-100 px-3 py-1 hover:bg-gray-200">
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
    </>
  );
}
