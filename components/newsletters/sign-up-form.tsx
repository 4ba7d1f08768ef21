/**
 * The newsletter sign-up on the reader's site (the footer, the end of each article, /newsletters). A plain form POST
 * to /api/newsletters/subscribe: it works without JavaScript, and a page cached before a deploy still posts to a URL
 * that exists (a server action's id changes with every build). The answer is the same for every address. In the
 * page's language; a prefixed edition's form says which edition it is, for the consent record and the e-mails.
 */
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { ListChoices, type ListChoice } from "./list-choices";
import { PUBLIC_BUTTON } from "./notice";

type Props = {
  /** Which form it is, recorded with the consent: "footer", "article" or "page". */
  source: "footer" | "article" | "page";
  choices: ListChoice[];
  checked: readonly string[];
  heading: string;
  error?: string;
  text?: ReaderText;
};

export function SignUpForm({ source, choices, checked, heading, error, text = ENGLISH_TEXT }: Props) {
  const id = `newsletter-${source}`;
  // The footer's title names its region but is no heading: a page's outline stays the page's own.
  const Title = source === "footer" ? "p" : "h2";
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-gray-300 bg-white p-5 dark:border-gray-700 dark:bg-gray-950">
      <Title id={`${id}-heading`} className="font-serif text-xl font-bold">
        {heading}
      </Title>
      <form method="post" action="/api/newsletters/subscribe" className="mt-3 space-y-4">
        <input type="hidden" name="source" value={source} />
        {text.prefix && <input type="hidden" name="language" value={text.lang} />}
        <ListChoices idPrefix={id} choices={choices} checked={checked} legend={text.t("nlTitle")} />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-email`} className="font-semibold">
            {text.t("nlEmail")}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id={`${id}-email`}
              type="email"
              name="email"
              required
              maxLength={254}
              autoComplete="email"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : `${id}-note`}
              className="min-h-11 min-w-0 flex-1 rounded border border-gray-500 bg-paper px-3 text-base text-ink dark:border-gray-400"
            />
            <button type="submit" className={PUBLIC_BUTTON}>
              {text.t("nlSignUp")}
            </button>
          </div>
          {error && (
            <p id={`${id}-error`} className="text-sm font-semibold text-red-800 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
        <p id={`${id}-note`} className="text-sm text-muted">
          {text.t("nlNote")}
        </p>
      </form>
    </section>
  );
}
