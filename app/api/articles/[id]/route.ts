/**
 * PUT /api/articles/:id — the editor's save (autosave and manual). A route handler rather than a server action so
 * that a save can be sent with `keepalive` as the page closes, and so that a conflict is a real 409.
 * Body: the fields of ArticleSaveSchema (a JSON object sent as application/json, at most 5 MB). Answers 200 { version,
 * slug, savedAt, pending } (pending: kept as the article's pending update, not live), 400, 401, 403, 404,
 * 409 { currentVersion } (the refused content is kept as a revision), 413, 415, 423 while the article is open for
 * co-editing (the refused content is kept as a revision too: docs/decisions/0015-co-editing.md),
 * or 503 with Retry-After while the database cannot be reached (the editor keeps the text on the device and retries).
 */
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { saveArticleOutsideSessions } from "@/lib/data/articles/editor";
import { failure } from "@/lib/actions/result";
import { readBodyCapped } from "@/lib/security/server-action-guard";
import { ArticleSaveSchema } from "@/lib/validation/articles";

const MAX_BYTES = 5 * 1024 * 1024;

export async function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return await save(request, context);
  } catch (error) {
    // Reading the session user can fail too (the database is down): answer like any other failure, never a bare 500.
    return answerFailure(error);
  }
}

function answerFailure(error: unknown) {
  const result = failure(error);
  return NextResponse.json(result, { status: result.status, headers: result.status === 503 ? { "retry-after": "5" } : undefined });
}

async function save(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ ok: false, status: 401, message: "Your session has ended. Sign in again; your text is kept on this device." }, { status: 401 });
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return NextResponse.json({ ok: false, status: 415, message: "Send the article as JSON (Content-Type: application/json)." }, { status: 415 });
  }
  // Read no more than the limit: a larger body is refused without being held in memory.
  const bytes = await readBodyCapped(request, MAX_BYTES);
  if (!bytes) return NextResponse.json({ ok: false, status: 413, message: "This article is too large to save (over 5 MB)." }, { status: 413 });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return NextResponse.json({ ok: false, status: 400, message: "The request body is not valid JSON." }, { status: 400 });
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    return NextResponse.json({ ok: false, status: 400, message: "The request body must be a JSON object with the article's fields." }, { status: 400 });
  }
  const { id } = await params;
  const parsed = ArticleSaveSchema.safeParse({ ...json, articleId: id });
  if (!parsed.success) {
    const result = failure(parsed.error);
    return NextResponse.json(result, { status: result.status });
  }
  const saved = await saveArticleOutsideSessions(user, parsed.data);
  return NextResponse.json({ ok: true, data: { version: saved.version, slug: saved.slug, savedAt: saved.savedAt.toISOString(), pending: saved.pending } });
}
