import { Fragment } from "react";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

type Author = { name: string; slug: string };

/** "By Ana Ruiz", "By Ana Ruiz and Tomás Herrera", "By A, B and C", each name linking to the author page. */
export function Byline({ authors, text = ENGLISH_TEXT }: { authors: Author[]; text?: ReaderText }) {
  if (authors.length === 0) return null;
  return (
    <p className="text-sm font-semibold">
      {text.t("by")}{" "}
      {authors.map((author, index) => (
        <Fragment key={author.slug}>
          {index > 0 && (index === authors.length - 1 ? ` ${text.t("and")} ` : ", ")}
          <a href={text.path(`/author/${author.slug}`)} className="underline-offset-2 hover:underline">
            {author.name}
          </a>
        </Fragment>
      ))}
    </p>
  );
}
