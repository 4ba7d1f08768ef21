/**
 * GET /media/<key> — a stored media file, streamed from whichever storage is configured (lib/media/storage.ts).
 * Names are content-hashed (lib/media/keys.ts), so a URL's bytes never change: browsers and CDNs may keep them for a
 * year without asking again. Only well-formed keys are looked up; anything else is a 404.
 */
import { contentTypeForKey, isMediaKey } from "@/lib/media/keys";
import { getMediaStorage } from "@/lib/media/storage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string[] }> };

const IMMUTABLE = "public, max-age=31536000, immutable";

function notFound() {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" } });
}

async function serve(request: Request, { params }: Context, withBody: boolean) {
  const key = (await params).key.join("/");
  const contentType = contentTypeForKey(key);
  if (!isMediaKey(key) || !contentType) return notFound();
  const etag = `"${key.replace(/[^a-z0-9]/g, "")}"`;
  const headers: Record<string, string> = {
    "content-type": contentType,
    "cache-control": IMMUTABLE,
    etag,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  };
  const object = await getMediaStorage().get(key);
  if (!object) return notFound();
  if (request.headers.get("if-none-match") === etag || !withBody) {
    await object.body.cancel().catch(() => {});
    if (withBody) return new Response(null, { status: 304, headers });
  }
  if (object.size !== null) headers["content-length"] = String(object.size);
  return new Response(withBody ? object.body : null, { status: 200, headers });
}

export function GET(request: Request, context: Context) {
  return serve(request, context, true);
}

export function HEAD(request: Request, context: Context) {
  return serve(request, context, false);
}
