/**
 * /admin/api/webhooks/{id}: one webhook endpoint: its address and events, turning it off and on (and why it was
 * turned off), deleting it, and its delivery log (each message's state, attempts, last status, latency and the
 * start of the answer), with Send again.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ui/action-button";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/form-message";
import { PageSection } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/data/settings";
import { getWebhookEndpoint } from "@/lib/data/webhooks/endpoints";
import { formatDateTime } from "@/lib/dates";
import { deleteWebhookAction, redeliverWebhookAction, setWebhookEnabledAction } from "../../actions";
import { EditWebhookForm } from "../../api-forms";

export const metadata: Metadata = { title: "Webhook endpoint" };

const STATE = { PENDING: "Waiting", DELIVERING: "Sending", SUCCEEDED: "Delivered", FAILED: "Given up" } as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePermission("settings:manage", `/admin/api/webhooks/${id}`);
  const page = Number((await searchParams).page) || 1;
  const [found, site] = await Promise.all([getWebhookEndpoint(actor, id, page), getSiteSettings()]);
  if (!found) notFound();
  const { endpoint, deliveries } = found;
  const when = (date: Date | null) => (date ? formatDateTime(date, site.locale, site.timeZone) : "—");

  return (
    <>
      <BackLink href="/admin/api#webhooks">Content API</BackLink>
      <h1 className="mt-2 break-all text-2xl font-bold">Webhook endpoint {endpoint.url}</h1>
      {!endpoint.enabled && (
        <Notice tone="warning" announce={false} className="mt-4 max-w-3xl">
          This endpoint is off since {when(endpoint.disabledAt)}: {endpoint.disabledReason} Nothing is sent to it until it is turned on again.
        </Notice>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        <ActionButton action={setWebhookEnabledAction} fields={{ webhookId: endpoint.id, enabled: endpoint.enabled ? "off" : "on" }}>
          {endpoint.enabled ? "Turn off" : "Turn on"}
        </ActionButton>
        <ActionButton
          action={deleteWebhookAction}
          fields={{ webhookId: endpoint.id }}
          variant="danger"
          confirm={{ question: "Delete this endpoint and its delivery log?", confirmLabel: "Yes, delete it" }}
        >
          Delete endpoint
        </ActionButton>
      </div>

      <PageSection id="settings" title="Address and events" className="mt-8 max-w-3xl">
        <EditWebhookForm endpoint={endpoint} />
      </PageSection>

      <PageSection id="log" title="Delivery log" className="mt-12">
        <DataTable caption="Deliveries, newest first" rows={deliveries} rowKey={(d) => d.id} empty={<p className="text-sm">Nothing sent yet.</p>}
          pagination={{ basePath: `/admin/api/webhooks/${endpoint.id}`, page: found.page, totalPages: found.totalPages, hrefFor: (n) => `/admin/api/webhooks/${endpoint.id}?page=${n}`, label: "Delivery log pages" }}
          columns={[
            { header: "Event", isRowHeader: true, cell: (d) => <span title={d.id}>{d.event}</span> },
            { header: "Queued", cell: (d) => when(d.createdAt) },
            { header: "State", cell: (d) => `${STATE[d.state]}${d.state === "PENDING" && d.attempts > 0 ? ` (next try ${when(d.nextAttemptAt)})` : ""}` },
            { header: "Attempts", cell: (d) => d.attempts },
            { header: "Last answer", cell: (d) => (d.lastStatus ?? d.lastError) || "—" },
            { header: "Latency", cell: (d) => (d.lastLatencyMs === null ? "—" : `${d.lastLatencyMs} ms`) },
            { header: "Response", cell: (d) => <code className="block max-w-xs truncate text-xs">{d.lastResponse.slice(0, 200) || "—"}</code> },
            {
              header: "Send again",
              cell: (d) => (
                <ActionButton action={redeliverWebhookAction} fields={{ deliveryId: d.id }} aria-label={`Send ${d.event} of ${when(d.createdAt)} again`}>
                  Send again
                </ActionButton>
              ),
            },
          ]}
        />
      </PageSection>
    </>
  );
}
