/**
 * One live entry as readers see it: its time (the permalink to its anchor), title, byline, body, "Updated HH:MM",
 * and share links. No hooks and no directive: the server renders it into the page and the live updater renders new
 * entries with it in the browser, from the same LiveEntryView (lib/live/view.ts).
 */
import { entryAnchor, type LiveEntryView } from "@/lib/live/view";

const SHARE_CLASS = "rounded border border-gray-300 px-2 py-0.5 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800";

export function LiveEntry({ entry, pageUrl }: { entry: LiveEntryView; pageUrl: string }) {
  const anchor = entryAnchor(entry.id);
  const url = `${pageUrl}#${anchor}`;
  const name = entry.title || `Update at ${entry.postedLabel}`;
  const u = encodeURIComponent(url);
  const shares = [
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(name)}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "Email", href: `mailto:?subject=${encodeURIComponent(name)}&body=${u}` },
  ];
  return (
    <article id={anchor} aria-labelledby={`${anchor}-title`} className={`scroll-mt-4 border-l-4 py-2 pl-4 ${entry.isKeyEvent ? "border-red-700" : "border-gray-300 dark:border-gray-600"}`}>
      <p className="text-sm">
        <a href={`#${anchor}`} className="font-bold hover:underline">
          <time dateTime={entry.postedAt}>{entry.postedLabel}</time>
          <span className="sr-only"> (link to this update)</span>
        </a>
        {entry.isPinned && <span className="ml-2 rounded bg-gray-200 px-1.5 text-xs font-semibold uppercase text-ink dark:bg-gray-700">Pinned</span>}
        {entry.isKeyEvent && <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-semibold uppercase text-red-900">Key event</span>}
      </p>
      <h3 id={`${anchor}-title`} className={entry.title ? "mt-1 font-serif text-xl font-bold" : "sr-only"}>
        {name}
      </h3>
      {entry.authors.length > 0 && <p className="mt-1 text-sm text-muted">By {entry.authors.map((a) => a.name).join(", ")}</p>}
      <div className="article-body mt-2 font-serif text-lg leading-relaxed" dangerouslySetInnerHTML={{ __html: entry.html }} />
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        {entry.editedLabel && <span className="text-muted">{entry.editedLabel}</span>}
        {shares.map((share) => (
          <a key={share.name} href={share.href} rel="noopener noreferrer" target="_blank" className={SHARE_CLASS}>
            {share.name}
            <span className="sr-only">: share the update “{name}” (opens in a new tab)</span>
          </a>
        ))}
      </div>
    </article>
  );
}
