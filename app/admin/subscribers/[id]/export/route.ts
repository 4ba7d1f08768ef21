/**
 * GET /admin/subscribers/[id]/export?format=json|csv: everything kept about one subscriber, as a download. Checks
 * the permission itself (a route handler is not wrapped by the admin layout).
 */
import { plainText, userForHandler } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import { exportSubscriber, subscriberExportCsv } from "@/lib/data/newsletters/subscriber-admin";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await userForHandler("subscriber:manage", "export subscribers");
  if (user instanceof Response) return user;
  const { id } = await params;
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "json";
  try {
    const data = await exportSubscriber(user, id, format);
    const body = format === "csv" ? subscriberExportCsv(data) : `${JSON.stringify(data, null, 2)}\n`;
    return new Response(body, {
      headers: {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="subscriber-${id}.${format}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return plainText("No such subscriber.", 404);
    throw error;
  }
}
