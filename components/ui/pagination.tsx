import Link from "next/link";
import type { ReactNode } from "react";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

/**
 * Numbered pagination: on public lists page 1 lives at `basePath`, page n at `${basePath}/page/${n}`, so every
 * page is a plain cacheable URL; staff lists keep their query string with `hrefFor`. rel="prev"/"next" links are
 * rendered too (React hoists them into <head>).
 *
 *   <Pagination page={2} totalPages={9} basePath="/world" />
 *   <Pagination page={2} totalPages={9} hrefFor={(n) => `/dashboard?page=${n}`} label="Pages" />
 */
export function pageHref(basePath: string, page: number): string {
  const base = basePath === "/" ? "" : basePath;
  return page <= 1 ? basePath : `${base}/page/${page}`;
}

type Props = {
  page: number;
  totalPages: number;
  /** Path-based pages under this path… */
  basePath?: string;
  /** …or any URL scheme (search keeps its query string). */
  hrefFor?: (page: number) => string;
  label?: string;
  /** What the previous and next links say, when "Previous page"/"Next page" is not the best word (a log, newest first). */
  previousLabel?: ReactNode;
  nextLabel?: ReactNode;
  /** The reader's edition's words for "Previous", "Next", "page" and "Page n" (default: English). */
  words?: Pick<ReaderText, "t">;
};

export function Pagination({ basePath = "/", page, totalPages, hrefFor, label = "Pagination", previousLabel, nextLabel, words = ENGLISH_TEXT }: Props) {
  const { t } = words;
  if (totalPages <= 1) return null;
  const href = hrefFor ?? ((n: number) => pageHref(basePath, n));
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1).filter((n) => n === 1 || n === totalPages || Math.abs(n - page) <= 2);
  return (
    <nav aria-label={label} className="mt-10 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 && <link rel="prev" href={href(page - 1)} />}
      {page < totalPages && <link rel="next" href={href(page + 1)} />}
      {page > 1 && (
        <Link href={href(page - 1)} className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800">
          {previousLabel ?? (
            <>
              {t("previous")}<span className="sr-only"> {t("page")}</span>
            </>
          )}
        </Link>
      )}
      <ol className="flex flex-wrap gap-1">
        {pages.map((n, i) => (
          <li key={n} className="flex items-center gap-1">
            {i > 0 && pages[i - 1] !== n - 1 && <span aria-hidden="true">…</span>}
            <Link
              href={href(n)}
              aria-current={n === page ? "page" : undefined}
              aria-label={t("pageNumber", { n: String(n) })}
              className={`rounded px-3 py-1 ${n === page ? "bg-ink font-bold text-paper" : "hover:bg-gray-100 dark:hover:bg-gray-800"}`}
            >
              {n}
            </Link>
          </li>
        ))}
      </ol>
      {page < totalPages && (
        <Link href={href(page + 1)} className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800">
          {nextLabel ?? (
            <>
              {t("next")}<span className="sr-only"> {t("page")}</span>
            </>
          )}
        </Link>
      )}
    </nav>
  );
}
