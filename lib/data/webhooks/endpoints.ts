/**
 * Webhook endpoints, for admins: register one (its whsec_ signing secret is shown once), change its events, turn it
 * off and on (on again clears the automatic turning-off), delete it, read its delivery log and redeliver a message.
 * Every change is audited. A target on a private network is refused when it is saved (and again, on the resolved
 * address, at each delivery: lib/webhooks/targets.ts).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { assertCan } from "@/lib/auth/permissions";
import type { WebhookEndpointInput } from "@/lib/validation/api";
import { assertPublicTarget, PrivateTargetError } from "@/lib/webhooks/targets";
import { writeAudit } from "../audit";
import { DataValidationError, NotFoundError } from "../errors";
import { clampPage } from "../paging";
import type { SessionUser } from "../types";

export const DELIVERY_LOG_PAGE_SIZE = 25;

async function checkTarget(url: string): Promise<void> {
  try {
    await assertPublicTarget(url, getEnv().webhookAllowPrivateTargets);
  } catch (error) {
    if (error instanceof PrivateTargetError) throw new DataValidationError("url", error.message);
    throw error;
  }
}

export async function createWebhookEndpoint(actor: SessionUser, input: WebhookEndpointInput): Promise<{ id: string; secret: string }> {
  assertCan(actor.role, "settings:manage");
  await checkTarget(input.url);
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return getDb().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({ data: { url: input.url, description: input.description, events: input.events, secret }, select: { id: true } });
    await writeAudit(tx, { actor, action: "webhook.create", targetType: "WebhookEndpoint", targetId: row.id, details: { url: input.url, events: input.events } });
    return { id: row.id, secret };
  });
}

export async function updateWebhookEndpoint(actor: SessionUser, id: string, input: WebhookEndpointInput): Promise<void> {
  assertCan(actor.role, "settings:manage");
  await checkTarget(input.url);
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data: { url: input.url, description: input.description, events: input.events } });
    if (count === 0) throw new NotFoundError("That webhook endpoint");
    await writeAudit(tx, { actor, action: "webhook.update", targetType: "WebhookEndpoint", targetId: id, details: { url: input.url, events: input.events } });
  });
}

/** Turns an endpoint off or on; on again, its waiting messages are sent at once and its turning-off is forgotten. */
export async function setWebhookEndpointEnabled(actor: SessionUser, id: string, enabled: boolean): Promise<void> {
  assertCan(actor.role, "settings:manage");
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id },
      data: enabled ? { enabled: true, disabledAt: null, disabledReason: "" } : { enabled: false, disabledAt: new Date(), disabledReason: "Turned off by an admin." },
    });
    if (count === 0) throw new NotFoundError("That webhook endpoint");
    if (enabled) await tx.webhookDelivery.updateMany({ where: { endpointId: id, state: "PENDING" }, data: { nextAttemptAt: new Date() } });
    await writeAudit(tx, { actor, action: enabled ? "webhook.enable" : "webhook.disable", targetType: "WebhookEndpoint", targetId: id });
  });
}

export async function deleteWebhookEndpoint(actor: SessionUser, id: string): Promise<void> {
  assertCan(actor.role, "settings:manage");
  await getDb().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true } });
    if (!endpoint) throw new NotFoundError("That webhook endpoint");
    await tx.webhookEndpoint.delete({ where: { id } });
    await writeAudit(tx, { actor, action: "webhook.delete", targetType: "WebhookEndpoint", targetId: id, details: { url: endpoint.url } });
  });
}

const endpointSelect = { id: true, url: true, description: true, events: true, enabled: true, disabledAt: true, disabledReason: true, createdAt: true } as const;

export async function listWebhookEndpoints(actor: SessionUser) {
  assertCan(actor.role, "settings:manage");
  return getDb().webhookEndpoint.findMany({ orderBy: { createdAt: "desc" }, select: endpointSelect });
}

/** One endpoint and a page of its delivery log, newest first. */
export async function getWebhookEndpoint(actor: SessionUser, id: string, page = 1) {
  assertCan(actor.role, "settings:manage");
  const db = getDb();
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect });
  if (!endpoint) return null;
  const total = await db.webhookDelivery.count({ where: { endpointId: id } });
  const { page: shown, totalPages, skip } = clampPage(total, page, DELIVERY_LOG_PAGE_SIZE);
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: DELIVERY_LOG_PAGE_SIZE,
    select: { id: true, event: true, state: true, attempts: true, lastStatus: true, lastLatencyMs: true, lastResponse: true, lastError: true, lastAttemptAt: true, nextAttemptAt: true, createdAt: true },
  });
  return { endpoint, deliveries, total, page: shown, totalPages };
}

/** Sends a message again, with its own id (receivers deduplicate on it), and a fresh round of retries. */
export async function redeliverWebhook(actor: SessionUser, deliveryId: string): Promise<void> {
  assertCan(actor.role, "settings:manage");
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, kind: "WEBHOOK", state: { not: "DELIVERING" } },
      data: { state: "PENDING", attempts: 0, nextAttemptAt: new Date(), claimedAt: null },
    });
    if (count === 0) throw new NotFoundError("That delivery (or it is being sent right now)");
    await writeAudit(tx, { actor, action: "webhook.redeliver", targetType: "WebhookDelivery", targetId: deliveryId });
  });
}
