"use server";
/**
 * The Content API's admin actions: its settings (anonymous access, the rights statement, the WebSub hub), API keys
 * (made and shown once, revoked), and webhook endpoints (added with their secret shown once, changed, turned off and
 * on, deleted; a message sent again). The data layer checks the permission and audits each change.
 */
import { z } from "zod";
import { ok, staffFormAction } from "@/lib/actions/safe-action";
import { createApiKey, revokeApiKey } from "@/lib/data/api/keys";
import { updateApiSettings } from "@/lib/data/settings";
import { createWebhookEndpoint, deleteWebhookEndpoint, redeliverWebhook, setWebhookEndpointEnabled, updateWebhookEndpoint } from "@/lib/data/webhooks/endpoints";
import { IdSchema } from "@/lib/validation/admin";
import { ApiKeyInputSchema, ApiSettingsSchema, WebhookEndpointInputSchema } from "@/lib/validation/api";

const PAGE = { returnTo: "/admin/api", revalidate: "/admin/api" };
const many = (name: string) => (values: Record<string, string>, form: FormData) => ({ ...values, [name]: form.getAll(name).map(String) });

export const updateApiSettingsAction = staffFormAction(
  {
    ...PAGE,
    schema: ApiSettingsSchema,
    fields: ["apiRightsInfo", "websubHubUrl"],
    // The form always sends "off" (a hidden field) and "on" when the box is ticked: a request without either is not
    // this form's, and is refused rather than read as "off".
    shape: (values, form) => {
      const sent = form.getAll("apiAnonymousAccess");
      return { ...values, apiAnonymousAccess: sent.length > 0 ? sent.includes("on") : undefined };
    },
  },
  async (input, { user }) => {
    await updateApiSettings(user, input);
    return ok(undefined, input.apiAnonymousAccess ? "Saved. Anyone may now read the Content API without a key." : "Saved. The Content API needs a key.");
  },
);

export const createApiKeyAction = staffFormAction({ ...PAGE, schema: ApiKeyInputSchema, fields: ["name", "rateLimit"], shape: many("scopes") }, async (input, { user }) => {
  const { key } = await createApiKey(user, input);
  return ok({ name: input.name, key }, `The key “${input.name}” is ready. Copy it now: it is shown only this once.`);
});

export const revokeApiKeyAction = staffFormAction({ ...PAGE, schema: z.object({ apiKeyId: IdSchema }), fields: ["apiKeyId"] }, async ({ apiKeyId }, { user }) => {
  const { name } = await revokeApiKey(user, apiKeyId);
  return ok(undefined, `The key “${name}” was revoked: its next request is refused.`);
});

export const createWebhookAction = staffFormAction({ ...PAGE, schema: WebhookEndpointInputSchema, fields: ["url", "description"], shape: many("events") }, async (input, { user }) => {
  const { id, secret } = await createWebhookEndpoint(user, input);
  return ok({ id, url: input.url, secret }, "The endpoint was added. Copy its signing secret now: it is shown only this once.");
});

export const updateWebhookAction = staffFormAction(
  {
    returnTo: "/admin/api",
    revalidate: { layout: "/admin/api" },
    schema: z.object({ webhookId: IdSchema }).and(WebhookEndpointInputSchema),
    fields: ["webhookId", "url", "description"],
    shape: many("events"),
  },
  async ({ webhookId, ...input }, { user }) => {
    await updateWebhookEndpoint(user, webhookId, input);
    return ok(undefined, "The endpoint was saved.");
  },
);

export const setWebhookEnabledAction = staffFormAction(
  { returnTo: "/admin/api", revalidate: { layout: "/admin/api" }, schema: z.object({ webhookId: IdSchema, enabled: z.enum(["on", "off"]) }), fields: ["webhookId", "enabled"] },
  async ({ webhookId, enabled }, { user }) => {
    await setWebhookEndpointEnabled(user, webhookId, enabled === "on");
    return ok(undefined, enabled === "on" ? "The endpoint is on: waiting messages go out now." : "The endpoint is off: nothing is sent to it.");
  },
);

export const deleteWebhookAction = staffFormAction(
  { ...PAGE, schema: z.object({ webhookId: IdSchema }), fields: ["webhookId"], redirect: () => "/admin/api?webhook=deleted" },
  async ({ webhookId }, { user }) => {
    await deleteWebhookEndpoint(user, webhookId);
    return ok(undefined);
  },
);

export const redeliverWebhookAction = staffFormAction(
  { returnTo: "/admin/api", revalidate: { layout: "/admin/api" }, schema: z.object({ deliveryId: z.string().min(1).max(64) }), fields: ["deliveryId"] },
  async ({ deliveryId }, { user }) => {
    await redeliverWebhook(user, deliveryId);
    return ok(undefined, "The message is queued to be sent again.");
  },
);
