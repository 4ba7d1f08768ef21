/**
 * One live entry as readers see it: its time (the permalink to its anchor), title, byline, body, "Updated HH:MM",
 * and share links. Server markup only: the page renders each entry with it, and renders it once more, empty, as the
 * <template> that public/live.js fills for entries arriving while the page is open. The parts the script fills carry
 * `data-slot`; parts an entry may lack are always rendered and `hidden`, so both paths give the same markup. Its
 * words are the edition's (`text`); the script gets the ones it writes from the template (LiveUpdates).
 */
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";
import { entryAnchor, type LiveEntryView } from "@/lib/live/view";

const SHARE_CLASS = "rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800";

/** Classes that depend on the entry, named once for the server and for the script (LiveEntryTemplate). */
export const ENTRY_CLASSES = {
  key: "scroll-mt-4 border-l-4 py-2 pl-4 border-red-700",
  plain: "scroll-mt-4 border-l-4 py-2 pl-4 border-gray-300 dark:border-gray-600",
  title: "mt-1 font-serif text-xl font-bold",
  untitled: "sr-only",
};

/** Share targets; `{url}` and `{name}` are replaced, URL-encoded, here and in public/live.js. */
const SHARES = [
  { name: (): string => "X", pattern: "https://x.com/intent/post?url={url}&text={name}" },
  { name: (): string => "Facebook", pattern: "https://www.facebook.com/sharer/sharer.php?u={url}" },
  { name: (text: ReaderText) => text.t("shareEmail"), pattern: "mailto:?subject={name}&body={url}" },
];

const fill = (pattern: string, url: string, name: string) => pattern.replace("{url}", encodeURIComponent(url)).replace("{name}", encodeURIComponent(name));

/** The name an entry goes by: its title, else its time ("Update at 14:05"). */
const entryName = (entry: Pick<LiveEntryView, "title" | "postedLabel">, text: ReaderText) => entry.title || text.t("liveUntitled", { time: entry.postedLabel });

export function LiveEntry({ entry, pageUrl, text = ENGLISH_TEXT }: { entry: LiveEntryView; pageUrl: string; text?: ReaderText }) {
  const anchor = entryAnchor(entry.id);
  const name = entryName(entry, text);
  return (
    <article id={anchor} aria-labelledby={`${anchor}-title`} className={entry.isKeyEvent ? ENTRY_CLASSES.key : ENTRY_CLASSES.plain}>
      <p className="text-sm">
        <a href={`#${anchor}`} data-slot="permalink" className="font-bold hover:underline">
          <time dateTime={entry.postedAt} data-slot="posted">
            {entry.postedLabel}
          </time>
          <span className="sr-only">{text.t("livePermalink")}</span>
        </a>
        <span data-slot="pinned" hidden={!entry.isPinned} className="ml-2 rounded bg-gray-200 px-1.5 text-xs font-semibold uppercase text-ink dark:bg-gray-700">
          {text.t("livePinned")}
        </span>
        <span data-slot="key" hidden={!entry.isKeyEvent} className="ml-2 rounded bg-red-100 px-1.5 text-xs font-semibold uppercase text-red-900">
          {text.t("liveKeyEvent")}
        </span>
      </p>
      <h3 id={`${anchor}-title`} data-slot="title" className={entry.title ? ENTRY_CLASSES.title : ENTRY_CLASSES.untitled}>
        {name}
      </h3>
      <p data-slot="byline" hidden={entry.authors.length === 0} className="mt-1 text-sm text-muted">
        {entry.authors.length > 0 ? text.t("liveByline", { names: entry.authors.map((a) => a.name).join(", ") }) : ""}
      </p>
      <div data-slot="body" className="article-body mt-2 font-serif text-lg leading-relaxed" dangerouslySetInnerHTML={{ __html: entry.html }} />
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        <span data-slot="edited" hidden={!entry.editedLabel} className="text-muted">
          {entry.editedLabel ?? ""}
        </span>
        {SHARES.map((share) => (
          <a key={share.pattern} href={fill(share.pattern, `${pageUrl}#${anchor}`, name)} data-share={share.pattern} rel="noopener noreferrer" target="_blank" className={SHARE_CLASS}>
            {share.name(text)}
            <span className="sr-only">
              {text.t("liveShareBefore")}
              <span data-slot="share-name">{name}</span>
              {text.t("liveShareAfter")}
            </span>
          </a>
        ))}
      </div>
    </article>
  );
}
