/**
 * The reader's search form: a plain GET form to /search, so it works without JavaScript and every search is a
 * shareable URL. One search landmark, one labelled field, one button.
 */
import { SEARCH_QUERY_MAX_LENGTH } from "@/lib/validation/search";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

type Props = { defaultValue?: string; error?: string; text?: ReaderText };

export function SearchForm({ defaultValue = "", error, text = ENGLISH_TEXT }: Props) {
  return (
    <form role="search" action={text.path("/search")} method="get" className="mt-6">
      <label htmlFor="search-q" className="block text-sm font-semibold">
        {text.t("search")}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          autoComplete="off"
          enterKeyHint="search"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "search-q-error" : undefined}
          className="min-w-0 flex-1 rounded border border-gray-500 bg-paper px-3 py-2 text-base text-ink dark:border-gray-400"
        />
        <button
          type="submit"
          className="rounded bg-ink px-4 py-2 font-semibold text-paper hover:opacity-90"
        >
          {text.t("search")}
        </button>
      </div>
      {error && (
        <p id="search-q-error" role="alert" className="mt-2 text-sm font-semibold text-accent">
          {error}
        </p>
      )}
    </form>
  );
}
