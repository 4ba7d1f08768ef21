/**
 * GET /dashboard/newsletters/[id]/preview: the edition's e-mail as it would go out now (its HTML; `?format=text`
 * for the plain-text part), its own links pointing nowhere. A route handler, not a page: the e-mail is a whole
 * HTML document of its own. It checks the permission itself, as the dashboard layout does not wrap it.
 */
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/data/errors";
import { previewEdition } from "@/lib/data/newsletters/editions";

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return text("Sign in to preview newsletters.", 401);
  if (!can(user.role, "newsletter:send")) return text("Only editors and admins can preview newsletters.", 403);
  const { id } = await params;
  try {
    const preview = await previewEdition(user, id);
    if (new URL(request.url).searchParams.get("format") === "text") return text(preview.text, 200);
    return new Response(preview.html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return text("No such edition.", 404);
    throw error;
  }
}
