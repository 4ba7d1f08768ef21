/**
 * The outbound queue: webhook messages (Standard Webhooks) and WebSub pings, written in the transaction of the event
 * they tell about (a publish, an update, a correction, an unpublish, a live entry), so a message exists exactly when
 * its event committed. Every app instance works the queue (FOR UPDATE SKIP LOCKED): right after its own commits
 * (deliverWebhooksSoon, so a receiver hears of a publish within a second) and on each scheduler tick. A failed
 * attempt is retried with exponential back-off over about 24 hours; a message still failing then is given up and
 * its endpoint turned off, with a notification to the admins (./deliveries.ts). docs/decisions/0024.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbTx } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { EVENT, type WebhookEvent } from "@/lib/validation/api";
import { websubPing } from "@/lib/webhooks/websub";

/** Attempts of one message, the first included; the waits between them add up to about 24 hours. */
export const MAX_ATTEMPTS = 10;

/** The wait after attempt `n` failed: 5 s, 20 s, 80 s, … ×4, at most 8 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 4 ** (attempt - 1), 8 * 3_600_000);
}

export const newMessageId = () => `msg_${randomBytes(16).toString("base64url")}`;

/** `prefix`: the article's edition's ("" for the default one); `section`: as its edition names it. */
type ArticleFacts = { id: string; slug: string; headline: string; publishedAt: Date | null; revisedAt: Date | null; language: string; prefix: string; section: { slug: string; name: string }; closed: boolean };

async function readArticle(tx: DbTx, articleId: string): Promise<ArticleFacts> {
  const row = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { id: true, slug: true, headline: true, publishedAt: true, revisedAt: true, editionId: true, edition: { select: { isDefault: true, isPublic: true } }, sectionId: true, section: { select: { slug: true, name: true } } },
  });
  const local = row.edition.isDefault ? null : await tx.sectionTranslation.findUnique({ where: { sectionId_editionId: { sectionId: row.sectionId, editionId: row.editionId } }, select: { slug: true, name: true } });
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    publishedAt: row.publishedAt,
    revisedAt: row.revisedAt,
    language: row.editionId,
    prefix: row.edition.isDefault ? "" : `/${row.editionId}`,
    section: local ?? row.section,
    closed: !row.edition.isDefault && !row.edition.isPublic,
  };
}

function articleData(article: ArticleFacts, siteUrl: string) {
  return {
    id: article.id,
    url: `${siteUrl}${article.prefix}/${article.section.slug}/${article.slug}`,
    apiUrl: `${siteUrl}/api/v1/articles/${article.id}`,
    language: article.language,
    headline: article.headline,
    section: article.section,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: (article.revisedAt ?? article.publishedAt)?.toISOString() ?? null,
  };
}

/**
 * The WebSub topics a change of this article touches: the site's feeds and its section's; for an article of a
 * prefixed edition, that edition's site feeds (it has no section feeds yet: decision 0029).
 */
export function websubTopics(siteUrl: string, sectionSlug: string, prefix = ""): string[] {
  const feeds = ["/feed.xml", "/atom.xml", "/feed.json"];
  const paths = prefix ? feeds.map((f) => `${prefix}${f}`) : [...feeds, ...feeds.map((f) => `/${sectionSlug}${f}`)];
  return paths.map((p) => `${siteUrl}${p}`);
}

/**
 * Queues `event` for every enabled endpoint that asked for it, and (for changes readers see in the feeds) a ping
 * of the WebSub hub, in the caller's transaction. `extra` joins the article's facts in the message's data. An article
 * of an edition closed to readers is announced to no one (decision 0033): its page and feeds do not answer, and the
 * Content API does not serve it.
 */
export async function enqueueArticleEvent(tx: DbTx, event: WebhookEvent, articleId: string, extra: Record<string, unknown> = {}): Promise<number> {
  // One after another: the queries share the transaction's one connection.
  const subscribed = await tx.webhookEndpoint.findMany({ where: { enabled: true, events: { has: event } }, select: { id: true, url: true } });
  const settings = await tx.settings.findUnique({ where: { id: 1 }, select: { websubHubUrl: true } });
  // The desk's edits of a live story save every few seconds: an update still waiting for its first attempt covers
  // the next ones (receivers fetch the article anyway), so a burst of saves is one message per endpoint.
  const waiting = event === EVENT.updated ? await tx.webhookDelivery.findMany({ where: { articleId, event, state: "PENDING", attempts: 0 }, select: { endpointId: true, kind: true } }) : [];
  const endpoints = subscribed.filter((e) => !waiting.some((w) => w.endpointId === e.id));
  const hub = event.startsWith("article.") && !waiting.some((w) => w.kind === "WEBSUB") ? (settings?.websubHubUrl ?? "") : "";
  if (endpoints.length === 0 && !hub) return 0;
  const siteUrl = getEnv().siteUrl;
  const article = await readArticle(tx, articleId);
  if (article.closed) return 0;
  const timestamp = new Date().toISOString();
  const facts = articleData(article, siteUrl);
  // An unpublished article has nothing left to describe: where it was, so receivers can take it down.
  const data = event === EVENT.unpublished ? { id: facts.id, url: facts.url, apiUrl: facts.apiUrl, language: facts.language } : facts;
  const payload = JSON.stringify({ type: event, timestamp, data: { ...data, ...extra } });
  // A webhook row keeps the address it was queued for; it is sent to its endpoint's address as it is then (./deliveries.ts).
  const rows: Prisma.WebhookDeliveryCreateManyInput[] = endpoints.map((endpoint) => ({ id: newMessageId(), kind: "WEBHOOK", endpointId: endpoint.id, url: endpoint.url, event, articleId, payload }));
  if (hub) {
    const form = websubPing(websubTopics(siteUrl, article.section.slug, article.prefix));
    rows.push({ id: newMessageId(), kind: "WEBSUB", url: hub, event, articleId, payload: form.toString() });
  }
  const { count } = await tx.webhookDelivery.createMany({ data: rows });
  return count;
}
