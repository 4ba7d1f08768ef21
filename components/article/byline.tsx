import Link from "next/link";
import { Fragment } from "react";

type Author = { name: string; slug: string };

/** "By Ana Ruiz", "By Ana Ruiz and Tomás Herrera", "By A, B and C", each name linking to the author page. */
export function Byline({ authors }: { authors: Author[] }) {
  if (authors.length === 0) return null;
  return (
    <p className="text-sm font-semibold">
      By{" "}
      {authors.map((author, index) => (
        <Fragment key={author.slug}>
          {index > 0 && (index === authors.length - 1 ? " and " : ", ")}
          <Link href={`/author/${author.slug}`} className="underline-offset-2 hover:underline">
            {author.name}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}
