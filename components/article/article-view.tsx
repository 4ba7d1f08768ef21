/**
 * The article as readers see it, top to bottom: section, headline, dek, byline, dateline and dates, featured image,
 * body, corrections, tags, share links and "< Back". Used by the public page and by share previews, so a preview
 * looks exactly like the published article. The public page may put a block (the in-article ad slot) after the
 * body's Nth paragraph, when another paragraph follows it.
 */
import type { ReactNode } from "react";
import { Byline } from "@/components/article/byline";
import { PriorityPicture } from "@/components/article/priority-picture";
import { ShareLinks } from "@/components/article/share-links";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { splitAfterParagraph } from "@/lib/content/body-split";
import { formatPublicDate, isoWithOffset } from "@/lib/dates";

export type ArticleViewData = {
  headline: string;
  dek: string;
  datelineCity: string;
  publishedAt: Date | null;
  revisedAt: Date | null;
  bodyHtml: string;
  section: { name: string; slug: string };
  authors: { name: string; slug: string }[];
  tags: { name: string; slug: string }[];
  corrections: { id: string; kind: "CORRECTION" | "UPDATE" | "CLARIFICATION"; text: string; publishedAt: Date }[];
  featuredImage: { url: string; width: number; height: number; alt: string; caption: string; credit: string } | null;
};

/** The featured image, with its caption and credit. */
function FeaturedImage({ image }: { image: NonNullable<ArticleViewData["featuredImage"]> }) {
  return (
    <figure className="mt-6">
      <PriorityPicture image={image} alt={image.alt} />
      {(image.caption || image.credit) && (
        <figcaption className="mt-2 text-sm text-muted">
          {image.caption} {image.credit && <span className="text-xs uppercase tracking-wide">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

const CORRECTION_LABEL = { CORRECTION: "correction", UPDATE: "update", CLARIFICATION: "clarification" } as const;

const BODY_CLASS = "article-body font-serif text-lg leading-relaxed";

type Props = {
  article: ArticleViewData;
  url: string;
  locale: string;
  timeZone: string;
  inBody?: { afterParagraph: number; block: ReactNode };
  /** Before the section's name (a live story's LIVE label). */
  kicker?: ReactNode;
  /** After the body (a live story's entries). */
  afterBody?: ReactNode;
  /** The edition's language and URLs (default: English, no prefix). */
  text?: ReaderText;
};

export function ArticleView({ article, url, locale, timeZone, inBody, kicker, afterBody, text = ENGLISH_TEXT }: Props) {
  const date = (d: Date) => formatPublicDate(d, locale, timeZone);
  const split = inBody ? splitAfterParagraph(article.bodyHtml, inBody.afterParagraph) : null;
  return (
    <article className="mx-auto max-w-3xl">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-accent">
          {kicker}
          <a href={text.path(`/${article.section.slug}`)}>{article.section.name}</a>
        </p>
        <h1 className="mt-2 font-serif text-4xl font-bold leading-tight md:text-5xl">{article.headline}</h1>
        {article.dek && <p className="mt-3 text-xl text-muted">{article.dek}</p>}
        <div className="mt-5 space-y-1 border-y border-gray-200 py-3 dark:border-gray-700">
          <Byline authors={article.authors} text={text} />
          <p className="text-sm text-muted">
            {article.datelineCity && <span className="font-semibold uppercase tracking-wide text-ink">{article.datelineCity}</span>}
            {article.datelineCity && article.publishedAt && " · "}
            {article.publishedAt && <time dateTime={isoWithOffset(article.publishedAt, timeZone)}>{date(article.publishedAt)}</time>}
            {article.publishedAt && article.revisedAt && article.revisedAt > article.publishedAt && (
              <>
                {" · "}{text.t("updated")} <time dateTime={isoWithOffset(article.revisedAt, timeZone)}>{date(article.revisedAt)}</time>
              </>
            )}
          </p>
        </div>
      </header>

      {article.featuredImage && <FeaturedImage image={article.featuredImage} />}

      {split ? (
        <div className="mt-8">
          <div className={BODY_CLASS} dangerouslySetInnerHTML={{ __html: split[0] }} />
          {inBody?.block}
          <div className={BODY_CLASS} dangerouslySetInnerHTML={{ __html: split[1] }} />
        </div>
      ) : (
        <div className={`${BODY_CLASS} mt-8`} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      )}

      {afterBody}

      {article.corrections.length > 0 && (
        <section aria-labelledby="corrections-heading" className="mt-8 rounded border-l-4 border-amber-500 bg-amber-50 p-4 dark:bg-amber-950">
          <h2 id="corrections-heading" className="font-semibold">
            {text.t("correctionsHeading")}
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {article.corrections.map((c) => (
              <li key={c.id}>
                <strong>{text.t(CORRECTION_LABEL[c.kind])}</strong> (<time dateTime={isoWithOffset(c.publishedAt, timeZone)}>{date(c.publishedAt)}</time>): {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {article.tags.length > 0 && (
        <nav aria-label={text.t("tags")} className="mt-8">
          <ul className="flex flex-wrap gap-2 text-sm">
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <a href={text.path(`/tag/${tag.slug}`)} className="rounded-full bg-gray-100 px-3 py-1 hover:bg-gray-200 dark:bg-gray-800 dark:hover:bg-gray-700">
                  {tag.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <ShareLinks url={url} title={article.headline} text={text} />

      <p className="mt-8">
        <a href={text.path(`/${article.section.slug}`)} className="font-semibold hover:underline">
          {text.t("back")}
        </a>
      </p>
    </article>
  );
}
