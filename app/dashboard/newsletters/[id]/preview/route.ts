/**
 * GET /dashboard/newsletters/[id]/preview: the edition's e-mail as it would go out now (its HTML; `?format=text`
 * for the plain-text part), its own links pointing nowhere. A route handler, not a page: the e-mail is a whole
 * HTML document of its own. It checks the permission itself, as the dashboard layout does not wrap it.
 */
import { plainText, userForHandler } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { previewEdition } from "@/lib/data/newsletters/editions";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await userForHandler("newsletter:send", "preview newsletters");
  if (user instanceof Response) return user;
  try {
    const preview = await previewEdition(user, (await params).id);
    if (new URL(request.url).searchParams.get("format") === "text") return plainText(preview.text);
    return new Response(preview.html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return plainText("No such edition.", 404);
    throw error;
  }
}
