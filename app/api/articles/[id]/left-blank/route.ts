/**
 * POST /api/articles/:id/left-blank — the editor was left without anything typed in it (lib/data/articles/blank-drafts.ts):
 * a blank new draft is then deleted a minute later unless it is opened again. A route handler rather than a server
 * action so that it can be sent with `keepalive` as the page closes. No body. Answers 200 { ok, data: { marked } }
 * (marked: the draft was blank), 401, 403 (from another site), 404 (no such article for this user), 503.
 */
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { failure } from "@/lib/actions/result";
import { markLeftBlank } from "@/lib/data/articles/blank-drafts";
import { findForeignOrigin } from "@/lib/security/request-origin";
import { RecordIdSchema } from "@/lib/validation/articles";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // No body and no JSON content type: a form on another site could send this, so its origin is checked.
  if (findForeignOrigin(request.headers)) return NextResponse.json({ ok: false, status: 403, message: "This request must come from this site." }, { status: 403 });
  try {
    const user = await getCurrentUser();
    if (!user) return NextResponse.json({ ok: false, status: 401, message: "Your session has ended." }, { status: 401 });
    const id = RecordIdSchema.safeParse((await params).id);
    if (!id.success) return NextResponse.json({ ok: false, status: 404, message: "That article was not found." }, { status: 404 });
    return NextResponse.json({ ok: true, data: await markLeftBlank(user, id.data) });
  } catch (error) {
    const result = failure(error);
    return NextResponse.json(result, { status: result.status });
  }
}
