import Link from "next/link";
import { formatPublicDate } from "@/lib/dates";
import { joinNames } from "@/lib/text";

type Card = {
  slug: string;
  headline: string;
  dek: string;
  publishedAt: Date;
  section: { name: string; slug: string };
  authors: { name: string }[];
};

export function ArticleCard({ article, locale, timeZone, lead = false }: { article: Card; locale: string; timeZone: string; lead?: boolean }) {
  const Heading = lead ? "h2" : "h3";
  return (
    <article className="border-b border-gray-200 pb-5 dark:border-gray-700">
      <p className="text-xs font-semibold uppercase tracking-wide text-accent">{article.section.name}</p>
      <Heading className={`mt-1 font-serif font-bold leading-tight ${lead ? "text-3xl" : "text-xl"}`}>
        <Link href={`/${article.section.slug}/${article.slug}`} className="hover:underline">
          {article.headline}
        </Link>
      </Heading>
      {article.dek && <p className="mt-2 text-muted">{article.dek}</p>}
      <p className="mt-2 text-xs text-muted">
        {article.authors.length > 0 && <>By {joinNames(article.authors.map((a) => a.name))} · </>}
        <time dateTime={article.publishedAt.toISOString()}>{formatPublicDate(article.publishedAt, locale, timeZone)}</time>
      </p>
    </article>
  );
}
