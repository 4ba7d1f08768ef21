/**
 * The media library: upload (drop or pick), then find images by words in their file name, alt text, caption or
 * credit, by uploader and by upload date, a page of 24 at a time. The query string is the state, so every view is a
 * link. Any staff member sees every image (they are all usable in articles).
 */
import type { Metadata } from "next";
import Link from "next/link";
import { MediaUploader } from "@/components/media/media-uploader";
import { countOf, ListStatus } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Notice } from "@/components/ui/form-message";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listMedia, listMediaUploaders } from "@/lib/data/media/library";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime, zonedTimeToUtc } from "@/lib/dates";
import { MediaListQuerySchema } from "@/lib/media/validation";

export const metadata: Metadata = { title: "Media library" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The day after a YYYY-MM-DD date, for an inclusive "to" filter. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export default async function MediaLibraryPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard/media");
  const raw = await searchParams;
  const query = MediaListQuerySchema.parse(raw);
  const settings = await getSiteSettings();
  const zone = settings.timeZone;
  const [list, uploaders] = await Promise.all([
    listMedia(user, {
      q: query.q,
      uploaderId: query.uploader,
      from: query.from ? zonedTimeToUtc(`${query.from}T00:00`, zone) : undefined,
      to: query.to ? zonedTimeToUtc(`${nextDay(query.to)}T00:00`, zone) : undefined,
      page: query.page,
    }),
    listMediaUploaders(user),
  ]);
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: String(page) })) if (v) params.set(k, String(v));
    return `/dashboard/media?${params.toString()}`;
  };
  const isFiltered = Boolean(query.q || query.uploader || query.from || query.to);

  return (
    <>
      <h1 className="text-2xl font-bold">Media library</h1>
      {raw.deleted === "1" && (
        <Notice tone="success" className="mt-3">
          The image was deleted.
        </Notice>
      )}

      <div className="mt-4">
        <MediaUploader />
      </div>

      <FilterBar label="Filter images" clearHref={isFiltered ? "/dashboard/media" : undefined}>
        <TextField id="media-q" name="q" type="search" label="Search" defaultValue={query.q ?? ""} placeholder="File name, alt text, caption, credit" className="w-72" />
        <SelectField id="media-uploader" name="uploader" label="Uploaded by" defaultValue={query.uploader ?? ""} options={[["", "Anyone"], ...uploaders.map((u) => [u.id, u.name] as const)]} />
        <TextField id="media-from" name="from" type="date" label="From" defaultValue={query.from ?? ""} />
        <TextField id="media-to" name="to" type="date" label="To" defaultValue={query.to ?? ""} />
      </FilterBar>

      <ListStatus>
        {list.total === 0
          ? isFiltered
            ? "No images match."
            : "The library is empty. Upload the first image above."
          : `${countOf(list.total, "image", "images")}, page ${list.page} of ${list.totalPages}`}
      </ListStatus>

      {list.items.length > 0 && (
        <ul aria-label="Images" className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {list.items.map((media) => (
            <li key={media.id} className="overflow-hidden rounded border border-gray-300 bg-white">
              <Link href={`/dashboard/media/${media.id}`} className="block hover:bg-gray-50">
                <div className="flex aspect-[4/3] items-center justify-center bg-gray-100">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail */}
                  <img src={media.thumbUrl} alt="" width={media.width} height={media.height} loading="lazy" decoding="async" className="max-h-full w-auto max-w-full object-contain" />
                </div>
                <div className="p-2 text-sm">
                  <p className="truncate font-medium" title={media.filename}>
                    {media.filename}
                  </p>
                  <p className="text-xs text-muted">
                    {media.width} × {media.height} · {media.uploader.name}
                  </p>
                  <p className="text-xs text-muted">{formatDateTime(media.createdAt, settings.locale, zone)}</p>
                  {media.alt ? (
                    <p className="mt-1 line-clamp-2 text-xs">{media.alt}</p>
                  ) : (
                    <p className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">No alt text</p>
                  )}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}

      <Pagination page={list.page} totalPages={list.totalPages} hrefFor={pageLink} label="Pages" />
    </>
  );
}
