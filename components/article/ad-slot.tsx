/**
 * An ad slot, always visibly labelled "Advertising". House ads only (image + link), no third-party script. With no
 * ad configured the labelled slot keeps its space so the page does not shift when one is added.
 */
type Ad = { id: string; imageUrl: string; linkUrl: string; altText: string; name: string };

export function AdSlot({ ad, placement }: { ad?: Ad; placement: string }) {
  return (
    <aside aria-label="Advertising" className="mx-auto my-4 max-w-3xl border border-dashed border-gray-300 bg-gray-50 p-3 text-center dark:border-gray-600 dark:bg-gray-900" data-placement={placement}>
      <p className="text-[11px] font-semibold uppercase tracking-widest text-muted">Advertising</p>
      {ad && ad.imageUrl ? (
        <a href={ad.linkUrl || undefined} rel="sponsored noopener" className="mt-2 inline-block">
          {/* eslint-disable-next-line @next/next/no-img-element -- house ads are admin-configured URLs of any size */}
          <img src={ad.imageUrl} alt={ad.altText || ad.name} width={728} height={90} className="h-auto max-w-full" />
        </a>
      ) : (
        <div className="mt-2 flex h-[60px] items-center justify-center text-sm text-muted">Your message could be here: advertise with us.</div>
      )}
    </aside>
  );
}
