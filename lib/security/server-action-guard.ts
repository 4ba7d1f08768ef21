/**
 * Refuses bad server action requests in proxy.ts, before Next sees them. Next 16 answers all of these with a 500 and
 * a stack trace in the log: a post from another site (its Origin check), a body over the 1 MB limit, and a body its
 * decoder cannot read (malformed JSON, a broken multipart form, references to form parts that were not sent). Here
 * they get a 403, 413, 415 or 400 with a message, and the action never runs.
 *
 * What a server action request is (as Next decides it): a POST with a `Next-Action` header (the client's fetch,
 * arguments encoded by React as a JSON array in a text/plain body, or as multipart/form-data when a FormData is
 * among them), or a form POSTed to a page without JavaScript (multipart/form-data). Route handlers under /api/ are
 * not actions and validate their own bodies.
 */
import { findReplyProblem } from "./action-reply";
import { findForeignOrigin } from "./request-origin";

/** Next's default `serverActions.bodySizeLimit`; next.config.ts does not change it. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;

export type ActionRefusal = { status: 400 | 403 | 413 | 415; message: string };

export function isServerActionRequest(request: Request, pathname: string): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  return !pathname.startsWith("/api/") && (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"));
}

/** A 403 for a request from another site (lib/security/request-origin.ts); no Origin from no browser is left to Next. */
export function checkActionOrigin(headers: Headers): ActionRefusal | null {
  const elsewhere = findForeignOrigin(headers);
  if (!elsewhere) return null;
  return { status: 403, message: `This request came from another site (${elsewhere}); changes are only accepted from pages of this site.` };
}

/**
 * In a body that is only a JSON text there are no other parts, so a reference to one ("$1", "$K2", "$Q3", "$@4", a
 * server reference "$h…") cannot be valid; only the values React writes inline may start with "$".
 */
const INLINE_VALUE = /^\$(?:\$|D|n-?\d+$|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;

function findInvalidReference(value: unknown, depth = 0): string | null {
  if (depth > 64) return "the arguments are nested too deeply";
  if (typeof value === "string") return value.startsWith("$") && !INLINE_VALUE.test(value) ? `"${value.slice(0, 20)}" refers to a part that was not sent` : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findInvalidReference(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const item of Object.values(value)) {
      const found = findInvalidReference(item, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Whether a part declares Content-Transfer-Encoding: base64 (no browser sends one; React's decoder throws on it). */
function hasBase64Part(body: Uint8Array, contentType: string): boolean {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return false;
  const delimiter = `\r\n--${boundary[1] ?? boundary[2]}\r\n`;
  const text = `\r\n${new TextDecoder("latin1").decode(body)}`;
  return text.split(delimiter).slice(1).some((part) => /^content-transfer-encoding:[ \t]*base64/im.test(part.slice(0, part.indexOf("\r\n\r\n") + 1)));
}

/** Checks a server action body of `contentType`, already read (at most SERVER_ACTION_BODY_LIMIT bytes). */
export async function checkActionBody(body: Uint8Array, contentType: string, isFetchAction: boolean): Promise<ActionRefusal | null> {
  const type = contentType.toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      return { status: 400, message: "The form data could not be read: the multipart body is malformed or incomplete." };
    }
    const problem = (isFetchAction && hasBase64Part(body, contentType) ? "a part is base64-encoded, which React does not read" : null) ?? findReplyProblem([...form.entries()], isFetchAction);
    return problem ? { status: 400, message: `The server action's arguments cannot be read: ${problem}.` } : null;
  }
  if (!isFetchAction) return null; // a plain form post to a page: Next renders the page, no action runs
  if (!type.startsWith("text/plain")) {
    return { status: 415, message: "Server action arguments must be sent as text/plain (a JSON array) or multipart/form-data." };
  }
  let args: unknown;
  try {
    args = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return { status: 400, message: "The server action's arguments are not valid JSON." };
  }
  if (!Array.isArray(args)) return { status: 400, message: "The server action's arguments must be a JSON array." };
  const invalid = findInvalidReference(args);
  return invalid ? { status: 400, message: `The server action's arguments cannot be read: ${invalid}.` } : null;
}

/** The body, or null when it is larger than `limit` bytes (reading stops there). */
export async function readBodyCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Everything above, in order; null when the request may go on to Next. The request's body is read from a clone. */
export async function refuseBadServerAction(request: Request): Promise<ActionRefusal | null> {
  const fromElsewhere = checkActionOrigin(request.headers);
  if (fromElsewhere) return fromElsewhere;
  const tooLarge: ActionRefusal = { status: 413, message: `The request is too large: server actions accept at most ${SERVER_ACTION_BODY_LIMIT / 1024 / 1024} MB.` };
  const body = await readBodyCapped(request.clone(), SERVER_ACTION_BODY_LIMIT);
  if (!body) return tooLarge;
  return checkActionBody(body, request.headers.get("content-type") ?? "", request.headers.has("next-action"));
}
