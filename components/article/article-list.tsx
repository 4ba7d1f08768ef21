/** A public list of article cards and its numbered pagination (section, tag and author pages). */
import type { ReactNode } from "react";
import { ArticleCard } from "@/components/article/article-card";
import { Pagination } from "@/components/ui/pagination";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import type { ArticleCard as Card } from "@/lib/data/articles/public";

type Props = {
  articles: Card[];
  locale: string;
  timeZone: string;
  /** Page 1's URL; page n is `${basePath}/page/${n}`. */
  basePath: string;
  page: number;
  totalPages: number;
  /** The list's top margin, which depends on what stands above it. */
  spacing: string;
  /** Shown instead of cards when there are none. */
  empty?: ReactNode;
  text?: ReaderText;
};

export function ArticleList({ articles, locale, timeZone, basePath, page, totalPages, spacing, empty, text = ENGLISH_TEXT }: Props) {
  return (
    <>
      <div className={`${spacing} space-y-5`}>
        {articles.length === 0 && empty}
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} locale={locale} timeZone={timeZone} text={text} />
        ))}
      </div>
      <Pagination basePath={basePath} page={page} totalPages={totalPages} label={text.t("pagination")} words={text} />
    </>
  );
}
