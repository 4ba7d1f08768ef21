/**
 * GET /admin/audit/export?action=&actor=&from=&to= — the audit log as CSV, with the same filters as the page.
 * proxy.ts sends signed-out visitors to sign-in; this handler checks the admin permission itself (a route handler
 * is not wrapped by the admin layout) and answers 401/403 otherwise. Rows are streamed in batches.
 */
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { iterateAuditEntries } from "@/lib/data/audit";
import { getSiteSettings } from "@/lib/data/settings";
import { AuditQuerySchema, auditFiltersFromQuery } from "@/lib/validation/admin";
import { csvRow } from "./csv";

const HEADER = ["time (UTC)", "action", "actor email", "actor id", "target type", "target id", "ip", "details"];

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to export the audit log.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!can(user.role, "audit:read")) return new Response("Only admins can export the audit log.\n", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });

  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = AuditQuerySchema.safeParse(params);
  if (!parsed.success) {
    return new Response(`${parsed.error.issues[0]?.message ?? "Invalid filters"}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { timeZone } = await getSiteSettings();
  const batches = iterateAuditEntries(user, auditFiltersFromQuery(parsed.data, timeZone));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(HEADER)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const rows = next.value.map((e) => csvRow([e.createdAt, e.action, e.actorEmail, e.actorId ?? "", e.targetType, e.targetId, e.ip, e.details]));
      controller.enqueue(encoder.encode(rows.join("")));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="dateline-audit-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
