/**
 * /admin/audit: who did what and when, newest first, filtered by action, actor and dates (in the newsroom's time
 * zone), 50 to a page, with a CSV export of the same selection. The query string is the state.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { BUTTON, SelectField, TextField } from "@/components/admin/fields";
import { requirePermission } from "@/lib/auth/session";
import { listAuditActions, listAuditEntries } from "@/lib/data/audit";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { AuditQuerySchema, auditFiltersFromQuery, type AuditQuery } from "@/lib/validation/admin";

export const metadata: Metadata = { title: "Audit log" };

/** Readable names for the actions the app records; anything else shows its code. */
const ACTION_LABEL: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in refused",
  "user.create": "Account created",
  "user.role_change": "Role changed",
  "user.deactivate": "Account deactivated",
  "user.reactivate": "Account reactivated",
  "user.password_change": "Password changed",
  "profile.update": "Profile updated",
  "invitation.create": "Invitation sent",
  "invitation.resend": "Invitation resent",
  "invitation.revoke": "Invitation revoked",
  "invitation.accept": "Invitation accepted",
  "password_reset.issue": "Reset link issued by an admin",
  "password_reset.request": "Reset link requested",
  "password_reset.complete": "Password reset",
  "section.create": "Section created",
  "section.rename": "Section renamed",
  "section.update": "Section edited",
  "section.reorder": "Sections reordered",
  "tag.create": "Tag created",
  "tag.rename": "Tag renamed",
  "tag.merge": "Tags merged",
  "settings.update": "Settings changed",
  "ad_slot.create": "Ad slot created",
  "ad_slot.update": "Ad slot changed",
  "ad_slot.delete": "Ad slot deleted",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function queryString(query: AuditQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to"] as const) if (query[key]) params.set(key, query[key]);
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function describe(details: unknown): string {
  if (!details || typeof details !== "object" || Object.keys(details).length === 0) return "";
  const text = JSON.stringify(details);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePermission("audit:read", "/admin/audit");
  const raw = await searchParams;
  const parsed = AuditQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const query: AuditQuery = parsed.success ? parsed.data : {};
  const settings = await getSiteSettings();
  const [actions, list] = await Promise.all([
    listAuditActions(actor),
    listAuditEntries(actor, auditFiltersFromQuery(query, settings.timeZone), query.page ?? 1),
  ]);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
  const actionOptions = [["", "Any action"] as const, ...actions.map((a) => [a, ACTION_LABEL[a] ? `${ACTION_LABEL[a]} (${a})` : a] as const)];

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Audit log</h1>
        <a href={`/admin/audit/export${queryString(query)}`} className={BUTTON} download>
          Export CSV
        </a>
      </div>
      <p className="mt-2 text-sm text-muted">
        Entries are written with the change they record and can never be edited or deleted. Dates are in {settings.timeZone.replaceAll("_", " ")}.
      </p>

      <form method="get" role="search" aria-label="Filter the audit log" className="mt-6 grid gap-3 sm:grid-cols-[2fr_2fr_1fr_1fr_auto] sm:items-end">
        <SelectField id="action" name="action" label="Action" defaultValue={query.action ?? ""} options={actionOptions} error={errors.action} />
        <TextField id="actor" name="actor" label="Actor email" hint="Part of an email, or “system”." defaultValue={query.actor ?? ""} error={errors.actor} />
        <TextField id="from" name="from" type="date" label="From" defaultValue={query.from ?? first(raw.from) ?? ""} error={errors.from} />
        <TextField id="to" name="to" type="date" label="To" defaultValue={query.to ?? first(raw.to) ?? ""} error={errors.to} />
        <button type="submit" className={BUTTON}>
          Apply
        </button>
      </form>
      {!parsed.success && (
        <p role="alert" className="mt-3 rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
          Some filters were not valid and were ignored: {Object.values(errors).join("; ")}.
        </p>
      )}

      <p role="status" className="mt-4 text-sm text-muted">
        {list.total === 0 ? "No entries match." : `${list.total} ${list.total === 1 ? "entry" : "entries"}, page ${list.page} of ${list.totalPages}.`}
      </p>

      {list.items.length > 0 && (
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Audit entries (scrolls sideways on narrow screens)">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="py-2 pr-4">When</th>
                <th scope="col" className="py-2 pr-4">Action</th>
                <th scope="col" className="py-2 pr-4">Actor</th>
                <th scope="col" className="py-2 pr-4">Target</th>
                <th scope="col" className="py-2 pr-4">Address</th>
                <th scope="col" className="py-2">Details</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((entry) => (
                <tr key={entry.id} className="border-b border-gray-200 align-top">
                  <td className="whitespace-nowrap py-2 pr-4">
                    <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, settings.locale, settings.timeZone)}</time>
                  </td>
                  <td className="py-2 pr-4">
                    {ACTION_LABEL[entry.action] ?? entry.action}
                    <span className="block font-mono text-xs text-muted">{entry.action}</span>
                  </td>
                  <td className="py-2 pr-4">{entry.actorEmail || <span className="text-muted">system</span>}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{entry.targetType ? `${entry.targetType} ${entry.targetId}` : ""}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{entry.ip}</td>
                  <td className="max-w-xs break-words py-2 font-mono text-xs">{describe(entry.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.totalPages > 1 && (
        <nav aria-label="Audit log pages" className="mt-4 flex gap-4 text-sm">
          {list.page > 1 && (
            <Link href={`/admin/audit${queryString(query, list.page - 1)}`} className="underline">
              Newer entries
            </Link>
          )}
          {list.page < list.totalPages && (
            <Link href={`/admin/audit${queryString(query, list.page + 1)}`} className="underline">
              Older entries
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
