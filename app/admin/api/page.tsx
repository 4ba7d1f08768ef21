/**
 * /admin/api: the Content API (/api/v1) for admins: its settings (anonymous access, the rights statement, the WebSub
 * hub), the API keys (made and shown once, revoked, with when each was last used), and the webhook endpoints.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/form-message";
import { PageSection } from "@/components/ui/panel";
import { requirePermission } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/data/api/keys";
import { getApiSettingsForAdmin, getSiteSettings } from "@/lib/data/settings";
import { listWebhookEndpoints } from "@/lib/data/webhooks/endpoints";
import { formatDateTime } from "@/lib/dates";
import { ApiSettingsForm, NewApiKeyForm, NewWebhookForm, RevokeKeyButton } from "./api-forms";

export const metadata: Metadata = { title: "Content API" };

type Props = { searchParams: Promise<{ webhook?: string }> };

export default async function ApiAdminPage({ searchParams }: Props) {
  const actor = await requirePermission("settings:manage", "/admin/api");
  const [settings, keys, endpoints, site, { webhook }] = await Promise.all([getApiSettingsForAdmin(actor), listApiKeys(actor), listWebhookEndpoints(actor), getSiteSettings(), searchParams]);
  const when = (date: Date | null, never: string) => (date ? formatDateTime(date, site.locale, site.timeZone) : never);

  return (
    <>
      <h1 className="text-2xl font-bold">Content API</h1>
      <p className="mt-2 max-w-3xl text-sm text-muted">
        Apps and partners read published articles at <code>/api/v1</code> in JSON or IPTC ninjs. The reference is the <a href="/api/v1/openapi.json" className="underline">OpenAPI document</a>.
      </p>

      <PageSection id="settings" title="Access and distribution" className="mt-6 max-w-3xl">
        <ApiSettingsForm settings={settings} />
      </PageSection>

      <PageSection id="keys" title="API keys" className="mt-12 max-w-5xl">
        <NewApiKeyForm />
        <DataTable caption="API keys" className="mt-6" rows={keys} rowKey={(key) => key.id} empty={<p className="text-sm">No keys yet.</p>} columns={[
            { header: "Name", isRowHeader: true, cell: (key) => key.name },
            { header: "Key starts", cell: (key) => <code>{key.prefix}…</code> },
            { header: "Scopes", cell: (key) => key.scopes.join(", ") },
            { header: "Per minute", cell: (key) => key.rateLimit.toLocaleString("en-US") },
            { header: "Last used", cell: (key) => when(key.lastUsedAt, "Never") },
            { header: "Created", cell: (key) => when(key.createdAt, "") },
            { header: "Status", cell: (key) => (key.revokedAt ? `Revoked ${when(key.revokedAt, "")}` : <RevokeKeyButton apiKeyId={key.id} name={key.name} />) },
        ]} />
      </PageSection>

      <PageSection id="webhooks" title="Webhooks" description="Signed POSTs (Standard Webhooks) when articles are published, updated, corrected or unpublished, and when live coverage gets an entry." className="mt-12 max-w-5xl">
        {webhook === "deleted" && <Notice tone="success">The endpoint was deleted.</Notice>}
        <DataTable caption="Webhook endpoints" rows={endpoints} rowKey={(endpoint) => endpoint.id} empty={<p className="text-sm">No endpoints yet.</p>}
          edit={(endpoint) => ({ href: `/admin/api/webhooks/${endpoint.id}`, label: `Open the endpoint ${endpoint.url}` })}
          columns={[
            { header: "URL", isRowHeader: true, cell: (endpoint) => <span className="break-all">{endpoint.url}</span> },
            { header: "Events", cell: (endpoint) => endpoint.events.join(", ") },
            { header: "State", cell: (endpoint) => (endpoint.enabled ? "On" : `Off: ${endpoint.disabledReason}`) },
          ]}
        />
        <h3 className="mt-8 text-lg font-semibold">Add an endpoint</h3>
        <div className="mt-3 max-w-3xl">
          <NewWebhookForm />
        </div>
        <p className="mt-4 text-sm">
          <Link href="/admin/audit" className="underline">
            Changes to keys and endpoints are in the audit log.
          </Link>
        </p>
      </PageSection>
    </>
  );
}
