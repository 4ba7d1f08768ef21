/**
 * A share preview: an unpublished article exactly as it will look, for anyone holding a valid link (no account
 * needed). Rendered per request, never cached, marked PREVIEW and kept out of search engines.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticlePreview } from "@/components/article/article-preview";
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
  return (
    <main id="main">
      <ArticlePreview
        article={article}
        banner={`PREVIEW — not published. This link expires ${formatDateTime(article.expiresAt, settings.locale, settings.timeZone)}.`}
        url={`${getEnv().siteUrl}/${article.section.slug}/${article.slug}`}
        locale={settings.locale}
        timeZone={settings.timeZone}
      />
    </main>
  );
}
