/**
 * /admin/audit: who did what and when, newest first, filtered by action, actor and dates (in the newsroom's time
 * zone), 50 to a page, with a CSV export of the same selection. The query string is the state. Actions read in
 * one vocabulary (lib/audit-actions.ts), targets by name (lib/data/audit.ts), details as labelled values; the CSV
 * keeps the raw values.
 */
import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";
import { countOf, DataTable } from "@/components/ui/data-table";
import { CONTROL_CLASS, Field, fieldControlProps, TextField } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Notice } from "@/components/ui/form-message";
import { requirePermission } from "@/lib/auth/session";
import { AuditDetails, AuditTargetName } from "@/components/admin/audit-cells";
import { auditActionLabel, groupAuditActions } from "@/lib/audit-actions";
import { listAuditActions, listAuditEntries } from "@/lib/data/audit";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { AuditQuerySchema, auditFiltersFromQuery, type AuditQuery } from "@/lib/validation/admin";

export const metadata: Metadata = { title: "Audit log" };

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
  const actionGroups = groupAuditActions(actions);
  const formatDate = (date: Date) => formatDateTime(date, settings.locale, settings.timeZone);

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
        <Field id="action" label="Action" error={errors.action} className="grow">
          <select {...fieldControlProps({ id: "action", error: errors.action })} name="action" defaultValue={query.action ?? ""} className={CONTROL_CLASS}>
            <option value="">Any action</option>
            {actionGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
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
            cell: (entry) => <time dateTime={entry.createdAt.toISOString()}>{formatDate(entry.createdAt)}</time>,
          },
          { header: "Action", cell: (entry) => auditActionLabel(entry.action) },
          { header: "Actor", cell: (entry) => entry.actorEmail || <span className="text-muted">system</span> },
          { header: "Target", className: "max-w-xs break-words", cell: (entry) => <AuditTargetName target={entry.target} /> },
          { header: "Address", className: "font-mono text-xs", cell: (entry) => entry.ip },
          { header: "Details", className: "min-w-48 max-w-sm", cell: (entry) => <AuditDetails details={entry.details} formatDate={formatDate} /> },
        ]}
      />
    </>
  );
}
