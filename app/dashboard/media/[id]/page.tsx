/**
 * One image in the library: how it looks, its details (editable by the uploader, editors and admins), every file
 * generated from it, the articles that use it, and delete (refused while any article uses it).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteMediaButton } from "@/components/media/delete-media-button";
import { MediaDetailsForm } from "@/components/media/media-details-form";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/form-message";
import { PageSection } from "@/components/ui/panel";
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
      <BackLink href="/dashboard/media">{"< Media library"}</BackLink>
      <h1 className="mt-2 break-all text-2xl font-bold">{media.filename}</h1>
      <p className="mt-1 text-sm text-muted">
        {media.width} × {media.height} · {media.mimeType} · {formatBytes(media.bytes)} · uploaded by {media.uploader.name} on{" "}
        {formatDateTime(media.createdAt, settings.locale, settings.timeZone)}
      </p>
      {!media.alt.trim() && (
        <Notice tone="warning" announce={false} className="mt-3">
          This image has no alt text. It cannot appear in a published article until it has some.
        </Notice>
      )}

      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <PageSection id="details" title="Details">
          {media.canEdit ? (
            <MediaDetailsForm
              action={updateMediaAction.bind(null, media.id)}
              image={{ src: sources.src, width: media.width, height: media.height }}
              values={{ alt: media.alt, caption: media.caption, credit: media.credit, focalX: media.focalX, focalY: media.focalY }}
              canEditText={media.canEditText}
            />
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
                  className="h-auto max-h-96 w-auto max-w-full rounded"
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
        </PageSection>

        <div className="space-y-8">
          <PageSection id="usage" title="Used in">
            {media.usedIn.length === 0 ? (
              <p className="text-sm">No article uses this image.</p>
            ) : (
              <ul className="space-y-2 text-sm">
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
          </PageSection>

          <PageSection id="variants" title="Files">
            <DataTable
              caption="Generated files"
              rows={media.variants}
              rowKey={(variant) => variant.key}
              empty={<p className="text-sm">This image is served as uploaded, without generated sizes.</p>}
              columns={[
                { header: "Kind", cell: (variant) => KIND_LABEL[variant.kind] },
                { header: "Format", cell: (variant) => FORMAT_LABEL[variant.format] },
                {
                  header: "Size",
                  cell: (variant) => (
                    <a href={variant.url} className="underline">
                      {variant.width} × {variant.height}
                    </a>
                  ),
                },
                { header: "Bytes", cell: (variant) => formatBytes(variant.bytes) },
              ]}
            />
            {media.openGraph && (
              <figure className="mt-4">
                {/* eslint-disable-next-line @next/next/no-img-element -- the generated social card */}
                <img src={media.openGraph.url} alt="" width={media.openGraph.width} height={media.openGraph.height} loading="lazy" className="h-auto w-full max-w-md rounded border border-gray-300" />
                <figcaption className="mt-1 text-sm text-muted">The social card (1200 × 630), cropped around the focal point.</figcaption>
              </figure>
            )}
          </PageSection>

          {media.canEdit && (
            <PageSection id="delete" title="Delete" description="An image that an article uses cannot be deleted.">
              <DeleteMediaButton action={deleteMediaAction.bind(null, media.id)} filename={media.filename} />
            </PageSection>
          )}
        </div>
      </div>
    </>
  );
}
