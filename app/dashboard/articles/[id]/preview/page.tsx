/**
 * The staff preview ("Open preview" in the editor's status panel and the dashboard): the article as saved, laid out
 * exactly as readers will see it, for anyone who may open it in the editor. Nothing to share or expire: a share
 * preview link (the editor's "Share a preview") is for people without an account.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticlePreview } from "@/components/article/article-preview";
import { statusLabel } from "@/lib/article-status";
import { requireUser } from "@/lib/auth/session";
import { getArticleForStaffPreview } from "@/lib/data/articles/previews";
import { NotFoundError } from "@/lib/data/errors";
import { getSiteSettings } from "@/lib/data/settings";
import { getEnv } from "@/lib/env";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

export default async function StaffPreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/articles/${id}/preview`);
  const article = await getArticleForStaffPreview(user, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const settings = await getSiteSettings();
  return (
    <>
      <p className="mb-4 text-sm">
        <Link href={`/dashboard/articles/${id}`} className="font-semibold underline">
          Back to the editor
        </Link>
      </p>
      <ArticlePreview
        article={article}
        banner={`PREVIEW — ${statusLabel(article.status)}. This is how readers will see the saved version.`}
        url={`${getEnv().siteUrl}/${article.section.slug}/${article.slug}`}
        locale={settings.locale}
        timeZone={settings.timeZone}
      />
    </>
  );
}
