/**
 * One save on the wire: PUT /api/articles/:id with the fields, the body, the version it is based on and the mode.
 * The save controller decides what an answer means; this only sends and reads it.
 */

export type SaveAnswer =
  | { ok: true; data: { version: number; slug: string; savedAt: string; pending?: boolean } }
  | { ok: false; status: number; message: string; fieldErrors?: Record<string, string>; currentVersion?: number };

/** keepalive requests may carry at most 64 KiB in Chromium; bigger ones go as normal requests. */
export const KEEPALIVE_MAX_BYTES = 60_000;

/** The HTTP status and the answer (null when it was not JSON), or null when the server could not be reached. */
export async function putArticle(articleId: string, body: string, keepalive: boolean): Promise<{ status: number; ok: boolean; answer: SaveAnswer | null } | null> {
  let response: Response;
  try {
    response = await fetch(`/api/articles/${encodeURIComponent(articleId)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body,
      credentials: "same-origin",
      cache: "no-store",
      keepalive: keepalive && body.length < KEEPALIVE_MAX_BYTES,
    });
  } catch {
    return null;
  }
  let answer: SaveAnswer | null = null;
  try {
    answer = (await response.json()) as SaveAnswer;
  } catch {
    answer = null;
  }
  return { status: response.status, ok: response.ok, answer };
}
