/**
 * A share preview: an unpublished article exactly as it will look, for anyone holding a valid link (no account
 * needed). Rendered per request, never cached, marked PREVIEW and kept out of search engines.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticleView } from "@/components/article/article-view";
import { getArticleByPreviewToken } from "@/lib/data/articles/previews";
import { getSiteSettings } from "@/lib/data/settings";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/dates";

type Props = { params: Promise<{ token: string }> };

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false, nocache: true } };

export default async function PreviewPage({ params }: Props) {
  await connection();
  const article = await getArticleByPreviewToken((await params).token);
  if (!article) notFound();
  const settings = await getSiteSettings();
  const url = `${getEnv().siteUrl}/${article.section.slug}/${article.slug}`;
  return (
    <div className="public-theme">
      <p role="note" className="sticky top-0 z-10 bg-amber-400 px-4 py-2 text-center text-sm font-bold text-black">
        PREVIEW — not published. This link expires {formatDateTime(article.expiresAt, settings.locale, settings.timeZone)}.
      </p>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <ArticleView
          article={{
            ...article,
            publishedAt: article.publishedAt ?? new Date(),
            revisedAt: null,
            corrections: [],
            featuredImage: article.featuredImage
              ? { url: `/${article.featuredImage.storageKey}`, width: article.featuredImage.width, height: article.featuredImage.height, alt: article.featuredImage.alt, caption: article.featuredImage.caption, credit: article.featuredImage.credit }
              : null,
          }}
          url={url}
          locale={settings.locale}
          timeZone={settings.timeZone}
        />
      </main>
    </div>
  );
}
