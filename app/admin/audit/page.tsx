/**
 * /admin/audit: who did what and when, newest first, filtered by action, actor and dates (in the newsroom's time
 * zone), 50 to a page, with a CSV export of the same selection. The query string is the state.
 */
import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";
import { countOf, DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Notice } from "@/components/ui/form-message";
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
        <a href={`/admin/audit/export${queryString(query)}`} className={buttonClass()} download>
          Export CSV
        </a>
      </div>
      <p className="mt-2 text-sm text-muted">
        Entries are written with the change they record and can never be edited or deleted. Dates are in {settings.timeZone.replaceAll("_", " ")}.
      </p>

      <FilterBar label="Filter the audit log">
        <SelectField id="action" name="action" label="Action" defaultValue={query.action ?? ""} options={actionOptions} error={errors.action} className="grow" />
        <TextField id="actor" name="actor" label="Actor email" hint="Part of an email, or “system”." defaultValue={query.actor ?? ""} error={errors.actor} className="grow" />
        <TextField id="from" name="from" type="date" label="From" defaultValue={query.from ?? first(raw.from) ?? ""} error={errors.from} />
        <TextField id="to" name="to" type="date" label="To" defaultValue={query.to ?? first(raw.to) ?? ""} error={errors.to} />
      </FilterBar>
      {!parsed.success && (
        <Notice tone="error" className="mt-3">
          Some filters were not valid and were ignored: {Object.values(errors).join("; ")}.
        </Notice>
      )}

      <DataTable
        caption="Audit entries, newest first"
        label="Audit entries"
        rows={list.items}
        rowKey={(entry) => entry.id}
        status={list.total === 0 ? "No entries match." : `${countOf(list.total, "entry", "entries")}, page ${list.page} of ${list.totalPages}.`}
        pagination={{
          page: list.page,
          totalPages: list.totalPages,
          hrefFor: (page) => `/admin/audit${queryString(query, page)}`,
          label: "Audit log pages",
          previousLabel: "Newer entries",
          nextLabel: "Older entries",
        }}
        columns={[
          {
            header: "When",
            className: "whitespace-nowrap",
            cell: (entry) => <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, settings.locale, settings.timeZone)}</time>,
          },
          {
            header: "Action",
            cell: (entry) => (
              <>
                {ACTION_LABEL[entry.action] ?? entry.action}
                <span className="block font-mono text-xs text-muted">{entry.action}</span>
              </>
            ),
          },
          { header: "Actor", cell: (entry) => entry.actorEmail || <span className="text-muted">system</span> },
          { header: "Target", className: "font-mono text-xs", cell: (entry) => (entry.targetType ? `${entry.targetType} ${entry.targetId}` : "") },
          { header: "Address", className: "font-mono text-xs", cell: (entry) => entry.ip },
          { header: "Details", className: "max-w-xs break-words font-mono text-xs", cell: (entry) => describe(entry.details) },
        ]}
      />
    </>
  );
}
