/**
 * An unpublished (or not yet updated) article exactly as readers will see it, under a banner that says it is a
 * preview: the share preview (/preview/[token]) and the staff preview (/dashboard/articles/[id]/preview).
 */
import { ArticleView } from "@/components/article/article-view";
import { ReaderBehaviour } from "@/components/article/reader-behaviour";
import type { ArticlePreviewData } from "@/lib/data/articles/previews";

type Props = { article: ArticlePreviewData; banner: string; url: string; locale: string; timeZone: string };

export function ArticlePreview({ article, banner, url, locale, timeZone }: Props) {
  const image = article.featuredImage;
  return (
    <div className="public-theme">
      <p role="note" className="sticky top-0 z-10 bg-amber-400 px-4 py-2 text-center text-sm font-bold text-black">
        {banner}
      </p>
      <div className="mx-auto max-w-5xl px-4 py-8">
        <ArticleView
          article={{
            ...article,
            publishedAt: article.publishedAt ?? new Date(),
            revisedAt: null,
            corrections: [],
            featuredImage: image ? { url: `/${image.storageKey}`, width: image.width, height: image.height, alt: image.alt, caption: image.caption, credit: image.credit } : null,
          }}
          url={url}
          locale={locale}
          timeZone={timeZone}
        />
      </div>
      {/* public/reader.js (copy link) for a page that hydrates, where no script tag of its own is served. */}
      <ReaderBehaviour />
    </div>
  );
}
