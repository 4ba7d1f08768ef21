/**
 * /admin/subscribers: the newsletters' readers by status, a search by address with each one's export (JSON or CSV)
 * and erase, and the import of bounce or complaint lists.
 */
import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { findSubscribers, getSubscriberCounts } from "@/lib/data/newsletters/subscriber-admin";
import { getSiteSettings } from "@/lib/data/settings";
import { formatDateTime } from "@/lib/dates";
import { EraseSubscriberButton, SuppressionImportForm } from "./subscriber-forms";

export const metadata: Metadata = { title: "Subscribers" };

const STATUS = { PENDING: "Not confirmed", CONFIRMED: "Subscribed", UNSUBSCRIBED: "Unsubscribed", SUPPRESSED: "Suppressed" } as const;

/** Everything kept about one subscriber, as a download in either format. */
function ExportLinks({ id, email }: { id: string; email: string }) {
  return (
    <span className="flex gap-3">
      {(["json", "csv"] as const).map((format) => (
        <a key={format} href={`/admin/subscribers/${id}/export?format=${format}`} className="underline" aria-label={`Export ${email} as ${format.toUpperCase()}`}>
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubscribersPage({ searchParams }: Props) {
  const user = await requirePermission("subscriber:manage", "/admin/subscribers");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 254) : "";
  const [counts, rows, settings] = await Promise.all([getSubscriberCounts(user), findSubscribers(user, query), getSiteSettings()]);
  return (
    <>
      <h1 className="text-2xl font-bold">Subscribers</h1>
      <ul aria-label="Subscribers by status" className="mt-4 flex flex-wrap gap-6">
        {(Object.keys(STATUS) as (keyof typeof STATUS)[]).map((status) => (
          <li key={status}>
            <span className="text-sm text-muted">{STATUS[status]}</span> <strong>{(counts[status] ?? 0).toLocaleString("en-US")}</strong>
          </li>
        ))}
      </ul>
      <form method="get" role="search" aria-label="Subscribers" className="mt-6 flex max-w-xl items-end gap-2">
        <TextField id="subscriber-search" name="q" type="search" label="Find by address" defaultValue={query} className="flex-1" />
        <Button type="submit">Find</Button>
      </form>
      <DataTable
        caption={query ? `Subscribers matching “${query}”` : "The latest subscribers"}
        className="mt-4"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: "Address", isRowHeader: true, cell: (r) => r.email },
          { header: "Status", cell: (r) => `${STATUS[r.status]} · ${r.listCount} ${r.listCount === 1 ? "list" : "lists"}` },
          { header: "Signed up", cell: (r) => formatDateTime(r.createdAt, settings.locale, settings.timeZone) },
          { header: "Their data", cell: (r) => <ExportLinks id={r.id} email={r.email} /> },
          { header: "Erase", cell: (r) => <EraseSubscriberButton id={r.id} email={r.email} /> },
        ]}
        empty={<p className="mt-4 text-sm text-muted">No subscriber matches.</p>}
      />
      <Panel id="suppress" title="Import bounces or complaints" className="mt-10 max-w-2xl" description="Suppressed addresses get no newsletter again, on any list, and cannot sign up again.">
        <SuppressionImportForm />
      </Panel>
    </>
  );
}
