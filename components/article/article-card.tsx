/**
 * An article in a list: section, headline link, dek, byline and date. The front page's lead story also shows its
 * featured image (above the text, linked like the headline but hidden from the keyboard and screen readers, which
 * get the headline's link), loaded first since it is the page's largest picture.
 */
import { formatPublicDate } from "@/lib/dates";
import { PriorityPicture } from "@/components/article/priority-picture";
import { joinNames } from "@/lib/text";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

type Card = {
  slug: string;
  headline: string;
  dek: string;
  publishedAt: Date;
  /** Open live coverage: the card says LIVE. */
  isLiveNow?: boolean;
  section: { name: string; slug: string };
  authors: { name: string }[];
};

type Image = { url: string; width: number; height: number };

/** The lead spans two of the front page's three columns: about 40rem wide at most. */
const LEAD_IMAGE_SIZES = "(min-width: 64rem) 40rem, calc(100vw - 2rem)";

function LeadImage({ image, href }: { image: Image; href: string }) {
  return (
    <a href={href} tabIndex={-1} aria-hidden="true" className="mb-4 block">
      <PriorityPicture image={image} alt="" sizes={LEAD_IMAGE_SIZES} />
    </a>
  );
}

type Props = { article: Card; locale: string; timeZone: string; lead?: boolean; image?: Image | null; text?: ReaderText };

export function ArticleCard({ article, locale, timeZone, lead = false, image, text = ENGLISH_TEXT }: Props) {
  const Heading = lead ? "h2" : "h3";
  const href = text.path(`/${article.section.slug}/${article.slug}`);
  return (
    <article className="border-b border-gray-200 pb-5 dark:border-gray-700">
      {image && <LeadImage image={image} href={href} />}
      <p className="text-xs font-semibold uppercase tracking-wide text-accent">
        {article.isLiveNow && <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 font-bold text-white">{text.t("live")}</span>}
        {article.section.name}
      </p>
      <Heading className={`mt-1 font-serif font-bold leading-tight ${lead ? "text-3xl md:text-4xl" : "text-xl"}`}>
        <a href={href} className="hover:underline">
          {article.headline}
        </a>
      </Heading>
      {article.dek && <p className={`mt-2 text-muted ${lead ? "text-lg" : ""}`}>{article.dek}</p>}
      <p className="mt-2 text-xs text-muted">
        {article.authors.length > 0 && <>{text.t("by")} {joinNames(article.authors.map((a) => a.name), text.t("and"))} · </>}
        <time dateTime={article.publishedAt.toISOString()}>{formatPublicDate(article.publishedAt, locale, timeZone)}</time>
      </p>
    </article>
  );
}
