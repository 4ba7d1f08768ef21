/**
 * An ad slot, always visibly labelled "Advertising". House ads only, configured by admins in /admin/settings:
 * - IMAGE: an image with an optional link (rel="sponsored");
 * - HTML: the admin's snippet inside <iframe sandbox srcdoc>, with no scripts, no same-origin access, no forms and
 *   no top-level navigation, so a snippet can neither run code on the site nor read a reader's session. Links in it
 *   open in a new tab (a <base target="_blank"> plus allow-popups).
 * With no ad configured the labelled slot keeps its space so the page does not shift when one is added.
 */
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

export function AdSlot({ ad, placement }: { ad?: Ad; placement: string }) {
  const html = ad?.kind === "HTML" ? ad.html : null;
  return (
    <aside aria-label="Advertising" className="mx-auto my-4 max-w-3xl border border-dashed border-gray-300 bg-gray-50 p-3 text-center dark:border-gray-600 dark:bg-gray-900" data-placement={placement}>
      <p className="text-[11px] font-semibold uppercase tracking-widest text-muted">Advertising</p>
      {ad && ad.kind !== "HTML" && ad.imageUrl ? (
        <a href={ad.linkUrl || undefined} rel="sponsored noopener" className="mt-2 inline-block">
          {/* eslint-disable-next-line @next/next/no-img-element -- house ads are admin-configured URLs of any size */}
          <img src={ad.imageUrl} alt={ad.altText || ad.name} width={728} height={90} className="h-auto max-w-full" />
        </a>
      ) : html ? (
        <iframe
          title="Advertisement"
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={snippetDocument(html)}
          referrerPolicy="no-referrer"
          loading="lazy"
          width={728}
          height={90}
          className="mx-auto mt-2 block h-[90px] w-full max-w-[728px] border-0"
        />
      ) : (
        <div className="mt-2 flex h-[60px] items-center justify-center text-sm text-muted">Your message could be here: advertise with us.</div>
      )}
    </aside>
  );
}
