import { CopyLinkButton } from "./copy-link-button";
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

/** Plain share links (no third-party scripts) and a copy-link button. */
export function ShareLinks({ url, title, text = ENGLISH_TEXT }: { url: string; title: string; text?: ReaderText }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: text.t("shareEmail"), href: `mailto:?subject=${t}&body=${u}` },
  ];
  return (
    <section aria-labelledby="share-heading" className="mt-10 border-t border-gray-200 pt-6 dark:border-gray-700">
      <h2 id="share-heading" className="text-sm font-semibold">
        {text.t("share")}
      </h2>
      <ul className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        {links.map((link) => (
          <li key={link.name}>
            <a href={link.href} rel="noopener noreferrer" target="_blank" className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-100 dark:border-gray-600 dark:hover:bg-gray-800">
              {link.name}
              <span className="sr-only"> {text.t("opensInNewTab")}</span>
            </a>
          </li>
        ))}
        <li>
          <CopyLinkButton url={url} text={text} />
        </li>
      </ul>
    </section>
  );
}
