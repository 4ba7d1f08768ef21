"use client";
/**
 * The Content API page's forms: its settings, a new key (shown once, to copy), a key's Revoke, and a webhook endpoint
 * (new, with its signing secret shown once; or an existing one's address, description and events).
 */
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { CopyField } from "@/components/ui/copy-field";
import { SaveFooter } from "@/components/ui/save-footer";
import { useActionForm } from "@/components/ui/use-action-form";
import { API_SCOPE_LABELS, API_SCOPES, WEBHOOK_EVENTS, type ApiSettingsInput } from "@/lib/validation/api";
import { createApiKeyAction, createWebhookAction, revokeApiKeyAction, updateApiSettingsAction, updateWebhookAction } from "./actions";

export function ApiSettingsForm({ settings }: { settings: ApiSettingsInput }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(updateApiSettingsAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="apiAnonymousAccess" value="off" />
      <CheckboxField id="apiAnonymousAccess" name="apiAnonymousAccess" label="Anyone may read the Content API without a key (60 requests a minute per address)" defaultChecked={settings.apiAnonymousAccess} />
      <TextAreaField id="apiRightsInfo" name="apiRightsInfo" label="Rights statement" rows={2} defaultValue={settings.apiRightsInfo} error={errors.apiRightsInfo}
        hint="Sent with every article in ninjs (usage terms). Empty: “© site name. All rights reserved.”" />
      <TextField id="websubHubUrl" name="websubHubUrl" type="url" label="WebSub hub" defaultValue={settings.websubHubUrl} error={errors.websubHubUrl}
        hint="The hub the feeds name, pinged at every publish (for example https://pubsubhubbub.appspot.com/). Empty: none." />
      <SaveFooter message={message} pending={pending}>
        Save API settings
      </SaveFooter>
    </form>
  );
}

function Choices({ legend, name, options, error, checked = [] }: { legend: string; name: string; options: readonly (readonly [string, string])[]; error?: string; checked?: readonly string[] }) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="rounded border border-gray-300 p-3" aria-describedby={error ? errorId : undefined}>
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {options.map(([value, label]) => (
          <CheckboxField key={value} id={`${name}-${value}`} name={name} value={value} label={label} defaultChecked={checked.includes(value)} aria-invalid={error ? true : undefined} />
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function NewApiKeyForm() {
  const { state, pending, onSubmit, formRef, errors, message } = useActionForm(createApiKeyAction, { resetOnSuccess: true });
  return (
    <div className="space-y-3">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <TextField id="key-name" name="name" label="Name" hint="Who uses it: an app, a partner." required error={errors.name} />
          <TextField id="key-rate" name="rateLimit" type="number" min={1} label="Requests per minute" defaultValue="600" required error={errors.rateLimit} />
        </div>
        <Choices legend="Scopes" name="scopes" options={API_SCOPES.map((s) => [s, API_SCOPE_LABELS[s]] as const)} checked={API_SCOPES} error={errors.scopes} />
        <SaveFooter message={message} pending={pending}>
          Create key
        </SaveFooter>
      </form>
      {state?.ok && <CopyField id="new-api-key" label={`API key “${state.data.name}”`} value={state.data.key} hint="Send it as Authorization: Bearer <key>. It is shown only this once." />}
    </div>
  );
}

export function RevokeKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  return (
    <ActionButton
      action={revokeApiKeyAction}
      fields={{ apiKeyId }}
      variant="danger"
      aria-label={`Revoke the key ${name}`}
      confirm={{ question: `Revoke “${name}”? Apps using it are refused at once.`, confirmLabel: "Yes, revoke it" }}
    >
      Revoke
    </ActionButton>
  );
}

const EVENT_OPTIONS = WEBHOOK_EVENTS.map((e) => [e, e] as const);

type Endpoint = { id: string; url: string; description: string; events: string[] };

function WebhookFields({ endpoint, errors }: { endpoint?: Endpoint; errors: Record<string, string> }) {
  return (
    <>
      <TextField id="webhook-url" name="url" type="url" label="Endpoint URL" hint="Where the signed POSTs go: https://…" defaultValue={endpoint?.url} required error={errors.url} />
      <TextField id="webhook-description" name="description" label="Description" defaultValue={endpoint?.description} error={errors.description} />
      <Choices legend="Events" name="events" options={EVENT_OPTIONS} checked={endpoint?.events ?? WEBHOOK_EVENTS.slice(0, 4)} error={errors.events} />
    </>
  );
}

export function NewWebhookForm() {
  const { state, pending, onSubmit, formRef, errors, message } = useActionForm(createWebhookAction, { resetOnSuccess: true });
  return (
    <div className="space-y-3">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
        <WebhookFields errors={errors} />
        <SaveFooter message={message} pending={pending}>
          Add endpoint
        </SaveFooter>
      </form>
      {state?.ok && (
        <>
          <CopyField id="new-webhook-secret" label={`Signing secret for ${state.data.url}`} value={state.data.secret} hint="Verify each message with it (Standard Webhooks). It is shown only this once." />
          <p className="text-sm">
            <Link href={`/admin/api/webhooks/${state.data.id}`} className="underline">
              Open the endpoint and its delivery log
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

export function EditWebhookForm({ endpoint }: { endpoint: Endpoint }) {
  const { pending, onSubmit, formRef, errors, message } = useActionForm(updateWebhookAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="webhookId" value={endpoint.id} />
      <WebhookFields endpoint={endpoint} errors={errors} />
      <SaveFooter message={message} pending={pending}>
        Save endpoint
      </SaveFooter>
    </form>
  );
}
