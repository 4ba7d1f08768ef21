/**
 * One image in the library: how it looks, its details (editable by the uploader, editors and admins), every file
 * generated from it, the articles that use it, and delete (refused while any article uses it).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteMediaButton } from "@/components/media/delete-media-button";
import { MediaDetailsForm } from "@/components/media/media-details-form";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { getMediaDetail } from "@/lib/data/media/library";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { deleteMediaAction, updateMediaAction } from "./actions";

export const metadata: Metadata = { title: "Image" };

type Props = { params: Promise<{ id: string }> };

const FORMAT_LABEL = { avif: "AVIF", webp: "WebP", jpeg: "JPEG", png: "PNG", gif: "GIF" } as const;
const KIND_LABEL = { responsive: "Responsive", og: "Social card (Open Graph)", master: "Original, without metadata" } as const;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export default async function MediaDetailPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/media/${id}`);
  const media = await getMediaDetail(user, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const settings = await getSiteSettings();
  const { sources } = media;

  return (
    <>
      <p className="text-sm">
        <Link href="/dashboard/media" className="underline">
          {"< Media library"}
        </Link>
      </p>
      <h1 className="mt-2 break-all text-2xl font-bold">{media.filename}</h1>
      <p className="mt-1 text-sm text-muted">
        {media.width} × {media.height} · {media.mimeType} · {formatBytes(media.bytes)} · uploaded by {media.uploader.name} on{" "}
        {formatDateTime(media.createdAt, settings.locale, settings.timeZone)}
      </p>
      {!media.alt.trim() && (
        <p className="mt-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          This image has no alt text. It cannot appear in a published article until it has some.
        </p>
      )}

      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="details-heading">
          <h2 id="details-heading" className="text-lg font-bold">
            Details
          </h2>
          {media.canEdit ? (
            <div className="mt-3">
              <MediaDetailsForm
                action={updateMediaAction.bind(null, media.id)}
                image={{ src: sources.src, width: media.width, height: media.height }}
                values={{ alt: media.alt, caption: media.caption, credit: media.credit, focalX: media.focalX, focalY: media.focalY }}
              />
            </div>
          ) : (
            <>
              <picture>
                {sources.avifSrcSet && <source type="image/avif" srcSet={sources.avifSrcSet} sizes="(min-width: 64rem) 36rem, 100vw" />}
                <img
                  src={sources.src}
                  srcSet={sources.srcSet || undefined}
                  sizes="(min-width: 64rem) 36rem, 100vw"
                  alt={media.alt}
                  width={media.width}
                  height={media.height}
                  className="mt-3 h-auto max-h-96 w-auto max-w-full rounded"
                />
              </picture>
              <dl className="mt-3 space-y-2 text-sm">
                <div>
                  <dt className="font-semibold">Alt text</dt>
                  <dd>{media.alt || <span className="text-muted">None yet</span>}</dd>
                </div>
                <div>
                  <dt className="font-semibold">Caption</dt>
                  <dd>{media.caption || <span className="text-muted">None</span>}</dd>
                </div>
                <div>
                  <dt className="font-semibold">Credit</dt>
                  <dd>{media.credit || <span className="text-muted">None</span>}</dd>
                </div>
              </dl>
              <p className="mt-3 text-sm text-muted">Only the uploader, editors and admins can change this image.</p>
            </>
          )}
        </section>

        <div className="space-y-8">
          <section aria-labelledby="usage-heading">
            <h2 id="usage-heading" className="text-lg font-bold">
              Used in
            </h2>
            {media.usedIn.length === 0 ? (
              <p className="mt-2 text-sm">No article uses this image.</p>
            ) : (
              <ul className="mt-2 space-y-2 text-sm">
                {media.usedIn.map((article) => (
                  <li key={article.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/dashboard/articles/${article.id}`} className="font-medium underline">
                      {article.headline || "Untitled"}
                    </Link>
                    <StatusBadge status={article.status} />
                    <span className="text-muted">{article.asFeatured ? "featured image" : "in the body"}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="variants-heading">
            <h2 id="variants-heading" className="text-lg font-bold">
              Files
            </h2>
            {media.variants.length === 0 ? (
              <p className="mt-2 text-sm">This image is served as uploaded, without generated sizes.</p>
            ) : (
              <table className="mt-2 w-full border-collapse text-left text-sm">
                <caption className="sr-only">Generated files</caption>
                <thead>
                  <tr className="border-b border-gray-300">
                    <th scope="col" className="py-1 pr-3">Kind</th>
                    <th scope="col" className="py-1 pr-3">Format</th>
                    <th scope="col" className="py-1 pr-3">Size</th>
                    <th scope="col" className="py-1">Bytes</th>
                  </tr>
                </thead>
                <tbody>
                  {media.variants.map((variant) => (
                    <tr key={variant.key} className="border-b border-gray-200">
                      <td className="py-1 pr-3">{KIND_LABEL[variant.kind]}</td>
                      <td className="py-1 pr-3">{FORMAT_LABEL[variant.format]}</td>
                      <td className="py-1 pr-3">
                        <a href={variant.url} className="underline">
                          {variant.width} × {variant.height}
                        </a>
                      </td>
                      <td className="py-1">{formatBytes(variant.bytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {media.openGraph && (
              <figure className="mt-4">
                {/* eslint-disable-next-line @next/next/no-img-element -- the generated social card */}
                <img src={media.openGraph.url} alt="" width={media.openGraph.width} height={media.openGraph.height} loading="lazy" className="h-auto w-full max-w-md rounded border border-gray-300" />
                <figcaption className="mt-1 text-sm text-muted">The social card (1200 × 630), cropped around the focal point.</figcaption>
              </figure>
            )}
          </section>

          {media.canEdit && (
            <section aria-labelledby="delete-heading">
              <h2 id="delete-heading" className="text-lg font-bold">
                Delete
              </h2>
              <p className="mt-1 text-sm text-muted">An image that an article uses cannot be deleted.</p>
              <div className="mt-2">
                <DeleteMediaButton action={deleteMediaAction.bind(null, media.id)} filename={media.filename} />
              </div>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
