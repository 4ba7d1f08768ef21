/** One search hit: section, headline link (matches marked), snippet, byline and date. */
import Link from "next/link";
import { HighlightedText } from "@/components/search/highlighted-text";
import type { SearchResult as Result } from "@/lib/data/search";
import { formatPublicDate } from "@/lib/dates";
import { joinNames } from "@/lib/text";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

type Props = { result: Result; locale: string; timeZone: string; text?: ReaderText };

export function SearchResult({ result, locale, timeZone, text = ENGLISH_TEXT }: Props) {
  return (
    <article className="border-b border-gray-200 pb-5 dark:border-gray-700">
      <p className="text-xs font-semibold uppercase tracking-wide text-accent">{result.section.name}</p>
      <h3 className="mt-1 font-serif text-xl font-bold leading-tight">
        <Link href={text.path(`/${result.section.slug}/${result.slug}`)} className="hover:underline">
          <HighlightedText segments={result.headline} />
        </Link>
      </h3>
      {result.snippet.length > 0 && (
        <p className="mt-2 text-muted">
          <HighlightedText segments={result.snippet} />
          {" …"}
        </p>
      )}
      <p className="mt-2 text-xs text-muted">
        {result.authors.length > 0 && <>{text.t("by")} {joinNames(result.authors.map((a) => a.name), text.t("and"))} · </>}
        <time dateTime={result.publishedAt.toISOString()}>{formatPublicDate(result.publishedAt, locale, timeZone)}</time>
      </p>
    </article>
  );
}
