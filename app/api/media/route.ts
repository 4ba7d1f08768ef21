/**
 * POST /api/media — upload one image (multipart/form-data, field "file", at most 20 MB). Staff only.
 * A route handler rather than a server action: uploads are larger than a server action's body limit, and the
 * library and the editor both send files here with fetch. The file is judged by its content (lib/media/pipeline.ts);
 * a refused file gets a status (413, 415, 422) and the message to show, and nothing is stored.
 * Answers 201 { ok, data: { id, duplicate, url, thumbUrl, width, height, alt, caption, credit, filename, canEdit } }
 * (200 with duplicate: true for a file already in the library; canEdit: this user may change its alt text, caption
 * and credit, which a published story showing it leaves to the desk).
 */
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { failure } from "@/lib/actions/result";
import { uploadMedia } from "@/lib/data/media/changes";
import { getMediaDetail } from "@/lib/data/media/library";
import { MAX_UPLOAD_BYTES, MediaRejectedError, REJECTION_MESSAGES } from "@/lib/media/errors";
import { findForeignOrigin } from "@/lib/security/request-origin";
import { readBodyCapped } from "@/lib/security/server-action-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Room for the multipart envelope around the file. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

function reply(status: number, message: string) {
  return NextResponse.json({ ok: false, status, message, fieldErrors: { file: message } }, { status });
}

export async function POST(request: Request) {
  // A form posted from another site (a sibling subdomain included) must not upload in a staff member's name.
  if (findForeignOrigin(request.headers)) return reply(403, "Uploads must come from this site.");
  const user = await getCurrentUser();
  if (!user) return reply(401, "Your session has ended. Sign in again to upload.");

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return reply(413, REJECTION_MESSAGES["too-large"]);
  const raw = await readBodyCapped(request, MAX_BODY_BYTES);
  if (!raw) return reply(413, REJECTION_MESSAGES["too-large"]);

  if (declared > 0 && raw.byteLength < declared) {
    // Something in front of this handler kept only part of the body (Next's proxy buffers at most
    // experimental.proxyClientMaxBodySize, 10 MB by default: docs/decisions/0006-media-storage.md).
    console.error(`[dateline] upload cut short: ${raw.byteLength} of ${declared} bytes arrived`);
    return reply(413, "The upload was cut short before it reached the library. Try a smaller file, or ask an admin to raise the server's upload limit.");
  }

  let file: FormDataEntryValue | null;
  try {
    const form = await new Response(raw as BodyInit, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    file = form.get("file");
  } catch {
    return reply(400, "The upload was incomplete or not a form. Try again.");
  }
  if (!(file instanceof File)) return reply(400, "Choose an image to upload.");
  if (file.size > MAX_UPLOAD_BYTES) return reply(413, REJECTION_MESSAGES["too-large"]);

  try {
    const uploaded = await uploadMedia(user, { bytes: Buffer.from(await file.arrayBuffer()), filename: file.name });
    const media = await getMediaDetail(user, uploaded.id);
    return NextResponse.json(
      {
        ok: true,
        data: { id: media.id, duplicate: uploaded.duplicate, url: media.url, thumbUrl: media.thumbUrl, width: media.width, height: media.height, alt: media.alt, caption: media.caption, credit: media.credit, filename: media.filename, canEdit: media.canEdit && media.canEditText },
      },
      { status: uploaded.duplicate ? 200 : 201 },
    );
  } catch (error) {
    if (error instanceof MediaRejectedError) return reply(error.status, error.message);
    const result = failure(error);
    return NextResponse.json(result, { status: result.status });
  }
}
