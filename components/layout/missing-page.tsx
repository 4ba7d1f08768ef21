/** The body of a page that is not there (404) or no longer is (410): what happened, and where to go from here. */
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

export function MissingPage({ title, reason, text = ENGLISH_TEXT }: { title: string; reason: string; text?: ReaderText }) {
  return (
    <div className="mx-auto max-w-2xl py-12 text-center">
      <h1 className="font-serif text-4xl font-bold">{title}</h1>
      <p className="mt-4 text-muted">{reason}</p>
      <p className="mt-6">
        <a href={text.path("/")} className="font-semibold underline">
          {text.t("frontPage")}
        </a>
      </p>
    </div>
  );
}
