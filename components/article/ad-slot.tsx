/**
 * An ad slot, always visibly labelled "Advertising". House ads only, configured by admins in /admin/settings:
 * - IMAGE: an image with an optional link (rel="sponsored");
 * - HTML: the admin's snippet inside <iframe sandbox srcdoc>, with no scripts, no same-origin access, no forms and
 *   no top-level navigation, so a snippet can neither run code on the site nor read a reader's session. Links in it
 *   open in a new tab (a <base target="_blank"> plus allow-popups).
 * With no ad configured, a slot shows the site's house message when the admins turned it on, and nothing otherwise.
 * Placements: "header" above the article, "in-article" between two paragraphs of the body, "sidebar" beside the
 * article on wide screens (components/article/article-with-ads.tsx places them).
 */
import { ENGLISH_TEXT, type ReaderText } from "@/lib/i18n/reader-text";

type Ad = {
  id: string;
  imageUrl: string;
  linkUrl: string;
  altText: string;
  name: string;
  kind: "IMAGE" | "HTML";
  /** The snippet of an HTML ad ("" for an image ad). */
  html: string;
};

/** The snippet as a standalone document for srcdoc: links leave the frame in a new tab; nothing else is allowed. */
function snippetDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>html,body{margin:0;padding:0;overflow:hidden}img{max-width:100%;height:auto}</style></head><body>${html}</body></html>`;
}

export type AdPlacementName = "header" | "in-article" | "sidebar";

/** The house message of empty slots, when turned on. */
export type HouseAd = { text: string; linkUrl: string };

/**
 * Per placement: the landmark's name (all read "Advertising", and are told apart), the box, and the size the
 * creative is laid out at (banners across the column; a rectangle in the sidebar).
 */
const PLACEMENT = {
  header: { label: "advertising", box: "mx-auto my-4 max-w-3xl", width: 728, height: 90, frame: "h-[90px] max-w-[728px]" },
  "in-article": { label: "advertisingInArticle", box: "my-8", width: 728, height: 90, frame: "h-[90px] max-w-[728px]" },
  sidebar: { label: "advertisingBeside", box: "", width: 300, height: 250, frame: "h-[250px] max-w-[300px]" },
} as const;

export function AdSlot({ ad, houseAd, placement, text = ENGLISH_TEXT }: { ad?: Ad; houseAd: HouseAd | null; placement: AdPlacementName; text?: ReaderText }) {
  if (!ad && !houseAd) return null;
  const { label, box, width, height, frame } = PLACEMENT[placement];
  return (
    <aside aria-label={text.t(label)} className={`${box} border border-dashed border-gray-300 bg-gray-50 p-3 text-center dark:border-gray-600 dark:bg-gray-900`} data-placement={placement}>
      <p className="text-[11px] font-semibold uppercase tracking-widest text-muted">{text.t("advertising")}</p>
      {ad?.kind === "HTML" ? (
        <iframe
          title={text.t("advertisement")}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={snippetDocument(ad.html)}
          referrerPolicy="no-referrer"
          loading="lazy"
          width={width}
          height={height}
          className={`mx-auto mt-2 block w-full border-0 ${frame}`}
        />
      ) : ad ? (
        <a href={ad.linkUrl || undefined} rel="sponsored noopener" className="mt-2 inline-block">
          {/* eslint-disable-next-line @next/next/no-img-element -- house ads are admin-configured URLs of any size */}
          <img src={ad.imageUrl} alt={ad.altText || ad.name} width={width} height={height} loading={placement === "header" ? undefined : "lazy"} className="h-auto max-w-full" />
        </a>
      ) : houseAd?.linkUrl ? (
        <a href={houseAd.linkUrl} className="mt-2 flex min-h-[60px] items-center justify-center text-sm font-semibold underline">
          {houseAd.text}
        </a>
      ) : (
        <p className="mt-2 flex min-h-[60px] items-center justify-center text-sm text-muted">{houseAd?.text}</p>
      )}
    </aside>
  );
}
