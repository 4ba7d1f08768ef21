"use client";

/**
 * Upload images by dropping them on the zone or choosing them with the file picker ("Upload images"). Files go one
 * by one to POST /api/media, which judges each by its content; every file gets a line saying what happened, in a live
 * region, so a refused file's reason is read out too. Reusable by the editor through `onUploaded`.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

export type UploadedMedia = {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  filename: string;
  duplicate: boolean;
  canEdit: boolean;
};

type Line = { key: string; filename: string; state: "uploading" | "done" | "refused"; message: string; id?: string };

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";

async function send(file: File): Promise<{ ok: true; data: UploadedMedia } | { ok: false; message: string }> {
  const form = new FormData();
  form.append("file", file);
  try {
    const response = await fetch("/api/media", { method: "POST", body: form });
    const json = (await response.json().catch(() => null)) as { ok?: boolean; data?: UploadedMedia; message?: string } | null;
    if (response.ok && json?.ok && json.data) return { ok: true, data: json.data };
    return { ok: false, message: json?.message ?? `The upload failed (${response.status}). Try again.` };
  } catch {
    return { ok: false, message: "The upload did not reach the server. Check your connection and try again." };
  }
}

export function MediaUploader({ onUploaded, refreshAfterUpload = true }: { onUploaded?: (media: UploadedMedia) => void; refreshAfterUpload?: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [isDragging, setDragging] = useState(false);
  const [isBusy, setBusy] = useState(false);

  const update = (key: string, patch: Partial<Line>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  async function uploadAll(files: File[]) {
    if (files.length === 0) return;
    setBusy(true);
    const batch = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setLines((all) => [...batch.map(({ file, key }) => ({ key, filename: file.name, state: "uploading" as const, message: "Uploading…" })), ...all].slice(0, 50));
    let uploaded = 0;
    for (const { file, key } of batch) {
      if (file.size > MAX_BYTES) {
        update(key, { state: "refused", message: "The file is larger than 20 MB. Upload a smaller image." });
        continue;
      }
      const result = await send(file);
      if (result.ok) {
        uploaded++;
        update(key, { state: "done", id: result.data.id, message: result.data.duplicate ? "Already in the library." : "Uploaded." });
        onUploaded?.(result.data);
      } else {
        update(key, { state: "refused", message: result.message });
      }
    }
    setBusy(false);
    if (input.current) input.current.value = "";
    if (uploaded > 0 && refreshAfterUpload) router.refresh();
  }

  return (
    <section aria-label="Add to the library" className="rounded border border-gray-300 bg-white p-4">
      <div
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void uploadAll(Array.from(e.dataTransfer.files));
        }}
        data-testid="media-drop-zone"
        className={`flex flex-col items-center justify-center gap-2 rounded border-2 border-dashed px-4 py-8 text-center text-sm ${isDragging ? "border-blue-700 bg-blue-50" : "border-gray-400"}`}
      >
        <p className="font-semibold">Drop images here</p>
        <p>or</p>
        <label htmlFor={inputId} className={buttonClass("primary", "cursor-pointer focus-within:ring-2")}>
          Upload images
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={hintId}
          disabled={isBusy}
          onChange={(e) => void uploadAll(Array.from(e.target.files ?? []))}
          className="sr-only"
        />
        <p id={hintId} className="text-muted">
          JPEG, PNG, WebP, AVIF or GIF, up to 20 MB and 50 megapixels each. Location and camera data are removed.
        </p>
      </div>
      <ul aria-live="polite" aria-label="Uploads" className="mt-3 space-y-1 text-sm">
        {lines.map((line) => (
          <li key={line.key} className={line.state === "refused" ? "font-semibold text-red-800" : undefined}>
            <span className="font-medium">{line.filename}</span>: {line.message}
            {line.state === "done" && line.id && (
              <>
                {" "}
                <Link href={`/dashboard/media/${line.id}`} className="underline">
                  Edit details
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
