/**
 * Webhooks and WebSub against the real PostgreSQL and a local HTTP receiver: a publish reaches the receiver within a
 * second of its commit, signed so that the `standardwebhooks` library verifies it; a replayed or tampered message
 * fails verification; a 500 is retried; a message that keeps failing turns its endpoint off and tells the admins;
 * private-network targets are refused unless allowed; the WebSub hub is pinged with the feeds a publish touched.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { addCorrection, publishArticle, unpublishArticle } from "@/lib/data/articles/workflow";
import { updateApiSettings } from "@/lib/data/settings";
import { deliverDueWebhooks, PER_RECEIVER } from "@/lib/data/webhooks/deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, redeliverWebhook, setWebhookEndpointEnabled, updateWebhookEndpoint } from "@/lib/data/webhooks/endpoints";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/data/webhooks/queue";
import { DataValidationError } from "@/lib/data/errors";
import { WEBHOOK_EVENTS } from "@/lib/validation/api";
import { postOnce, SEND_TIMEOUT_MS } from "@/lib/webhooks/send";
import { assertPublicTarget } from "@/lib/webhooks/targets";
import { documentFromParagraphs } from "@/lib/content/document";
import { deleteEntry, postEntry } from "@/lib/data/live/entries";
import { makeArticle, makeLiveStory, makeUser, rawDb } from "../support/factories";
import { makeSpanishEdition } from "../support/search-factories";

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
});
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

type Received = { at: number; path: string; headers: Record<string, string>; body: string };
const received: Received[] = [];
const answers: number[] = [];
let waiters: (() => void)[] = [];
const drips = new Set<ReturnType<typeof setInterval>>();
const sockets = new Set<Socket>();
const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    if (request.url === "/slow") {
      // A hostile or broken receiver: headers at once, then one byte a second for a minute (never 10 s idle).
      response.writeHead(200, { "content-type": "text/plain" });
      let sent = 0;
      const drip = setInterval(() => (++sent > 60 ? (clearInterval(drip), response.end()) : response.write(".")), 1000);
      drips.add(drip);
      return;
    }
    if (request.url === "/endless") {
      // An answer that never ends, fast: only its first kilobyte is read.
      response.writeHead(200, { "content-type": "text/plain" });
      const flood = setInterval(() => response.write("x".repeat(64 * 1024)), 10);
      drips.add(flood);
      return;
    }
    received.push({ at: Date.now(), path: request.url ?? "", headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
    // "/moved": a receiver's former address, which no longer takes messages.
    response.writeHead(request.url === "/moved" ? 410 : (answers.shift() ?? 204)).end("thanks");
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  });
});
server.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

/** The next request to `path` after `count` were received, or a rejection after `ms`. */
function nextRequest(path: string, count: number, ms: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing reached ${path} within ${ms} ms`)), ms);
    const check = () => {
      const found = received.filter((r) => r.path === path)[count];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else waiters.push(check);
    };
    check();
  });
}

let base: string;
let admin: Awaited<ReturnType<typeof makeUser>>;
let editor: Awaited<ReturnType<typeof makeUser>>;
let endpoint: { id: string; secret: string };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = await makeUser("ADMIN");
  await rawDb().user.update({ where: { id: admin.id }, data: { status: "ACTIVE" } });
  editor = await makeUser("EDITOR");
  // Endpoints other test files left (the authorization matrix's) stay quiet while this file publishes.
  await rawDb().webhookEndpoint.updateMany({ data: { enabled: false } });
  endpoint = await createWebhookEndpoint(admin, { url: `${base}/hook`, description: "Test receiver", events: [...WEBHOOK_EVENTS] });
});

afterAll(async () => {
  await updateApiSettings(admin, { apiAnonymousAccess: false, apiRightsInfo: "", websubHubUrl: "" });
  for (const row of await rawDb().webhookEndpoint.findMany({ select: { id: true } })) await deleteWebhookEndpoint(admin, row.id);
  for (const drip of drips) clearInterval(drip);
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
});

const verify = (message: Received) => new Webhook(endpoint.secret).verify(message.body, message.headers) as { type: string; data: Record<string, unknown> };

describe("signed deliveries", () => {
  it("delivers a publish within a second of its commit, verifiable with standardwebhooks; a replay or a tampered copy fails", async () => {
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    const before = received.filter((r) => r.path === "/hook").length;
    await publishArticle(editor, article.id);
    const committed = Date.now();
    const message = await nextRequest("/hook", before, 1000);
    expect(message.at - committed).toBeLessThan(1000);
    const payload = verify(message);
    expect(payload.type).toBe("article.published");
    expect(payload.data).toMatchObject({ id: article.id, headline: article.headline, language: "en", url: expect.stringMatching(new RegExp(`[^/]/${article.section.slug}/${article.slug}$`)), apiUrl: expect.stringContaining(`/api/v1/articles/${article.id}`) });
    expect(message.headers["webhook-id"]).toMatch(/^msg_/);

    expect(() => new Webhook(endpoint.secret).verify(message.body.replace(article.headline, "Forged headline"), message.headers)).toThrow();
    expect(() => new Webhook(endpoint.secret).verify(message.body, { ...message.headers, "webhook-id": "msg_other" })).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.from("another secret of 24 bytes").toString("base64")}`).verify(message.body, message.headers)).toThrow();
    vi.useFakeTimers({ now: Date.now() + 10 * 60_000, toFake: ["Date"] });
    try {
      expect(() => verify(message)).toThrow(/too old/i);
    } finally {
      vi.useRealTimers();
    }
  });

  it("says the language of an article of another edition, with its URL in that edition", async () => {
    await makeSpanishEdition();
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    await rawDb().article.update({ where: { id: article.id }, data: { editionId: "es", searchConfig: "spanish" } });
    await rawDb().sectionTranslation.create({ data: { sectionId: article.sectionId, editionId: "es", name: `Ciudad ${article.sectionId}`, slug: `ciudad-${article.sectionId}` } });
    const before = received.filter((r) => r.path === "/hook").length;
    await publishArticle(editor, article.id);
    const payload = verify(await nextRequest("/hook", before, 5000));
    expect(payload.data).toMatchObject({ id: article.id, language: "es", url: expect.stringMatching(new RegExp(`[^/]/es/ciudad-${article.sectionId}/${article.slug}$`)), section: { name: `Ciudad ${article.sectionId}` } });
  });

  it("retries after a 500, with the same message id, and logs each attempt", async () => {
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    const before = received.filter((r) => r.path === "/hook").length;
    answers.push(500);
    await addCorrection(editor, { articleId: article.id, kind: "CORRECTION", text: "The bridge is on Calle 5, not Calle 6." });
    const first = await nextRequest("/hook", before, 5000);
    expect(verify(first)).toMatchObject({ type: "article.corrected", data: { correction: { kind: "correction", text: "The bridge is on Calle 5, not Calle 6." } } });
    const id = first.headers["webhook-id"] as string;
    await vi.waitFor(async () => expect((await rawDb().webhookDelivery.findUniqueOrThrow({ where: { id } })).lastStatus).toBe(500));
    const logged = await rawDb().webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(logged).toMatchObject({ state: "PENDING", attempts: 1, lastResponse: "thanks" });
    expect(logged.nextAttemptAt.getTime() - (logged.lastAttemptAt as Date).getTime()).toBe(retryDelayMs(1));

    await deliverDueWebhooks({ now: () => new Date(Date.now() + retryDelayMs(1) + 1000) });
    const retry = await nextRequest("/hook", before + 1, 5000);
    expect(retry.headers["webhook-id"]).toBe(id);
    expect(verify(retry).type).toBe("article.corrected");
    expect(await rawDb().webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "SUCCEEDED", attempts: 2, lastStatus: 204 });
    const log = await getWebhookEndpoint(admin, endpoint.id);
    expect(log?.deliveries.some((d) => d.id === id && d.lastLatencyMs !== null)).toBe(true);

    await redeliverWebhook(admin, id);
    await deliverDueWebhooks();
    expect((await nextRequest("/hook", before + 2, 5000)).headers["webhook-id"]).toBe(id);
  });

  it("spreads retries over about a day, then turns the endpoint off and tells the admins", async () => {
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 3_600_000);
    expect(total).toBeLessThan(28 * 3_600_000);

    const article = await makeArticle(editor, { status: "PUBLISHED" });
    answers.push(500);
    await unpublishArticle(editor, article.id);
    const message = await rawDb().webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id, articleId: article.id, event: "article.unpublished" } });
    await vi.waitFor(async () => expect((await rawDb().webhookDelivery.findUniqueOrThrow({ where: { id: message.id } })).lastStatus).toBe(500));
    // The attempts of a day, then the last one.
    await rawDb().webhookDelivery.update({ where: { id: message.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    answers.push(500);
    await deliverDueWebhooks({ now: () => new Date(Date.now() + 9 * 3_600_000) });
    expect(await rawDb().webhookDelivery.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ state: "FAILED", attempts: MAX_ATTEMPTS });
    expect(await rawDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("failed") });
    const notes = await rawDb().notification.findMany({ where: { webhookEndpointId: endpoint.id, kind: "WEBHOOK_DISABLED" } });
    expect(notes.map((n) => n.userId)).toContain(admin.id);
    // Turned off, it is sent nothing: neither what is queued nor new events.
    const count = received.length;
    await redeliverWebhook(admin, message.id);
    await publishArticle(editor, (await makeArticle(editor, { status: "IN_REVIEW" })).id);
    await deliverDueWebhooks();
    expect(received.length).toBe(count);
    await setWebhookEndpointEnabled(admin, endpoint.id, true);
    await deliverDueWebhooks();
    expect(received.length).toBe(count + 1);
  });
});

describe("an endpoint's change of address", () => {
  it("takes its waiting retries and its \"Send again\" to the new address", async () => {
    const moving = await createWebhookEndpoint(admin, { url: `${base}/moved`, description: "Moving partner", events: ["article.corrected"] });
    const article = await makeArticle(editor, { status: "PUBLISHED" });
    await addCorrection(editor, { articleId: article.id, kind: "CLARIFICATION", text: "The council met on Tuesday." });
    const message = await rawDb().webhookDelivery.findFirstOrThrow({ where: { endpointId: moving.id, articleId: article.id } });
    await vi.waitFor(async () => expect((await rawDb().webhookDelivery.findUniqueOrThrow({ where: { id: message.id } })).lastStatus).toBe(410));

    await updateWebhookEndpoint(admin, moving.id, { url: `${base}/new-home`, description: "Moving partner", events: ["article.corrected"] });
    const moved = received.filter((r) => r.path === "/moved").length;
    await deliverDueWebhooks({ now: () => new Date(Date.now() + retryDelayMs(1) + 1000) });
    const retry = await nextRequest("/new-home", 0, 5000);
    expect(retry.headers["webhook-id"]).toBe(message.id);
    expect(new Webhook(moving.secret).verify(retry.body, retry.headers)).toMatchObject({ type: "article.corrected" });
    expect(await rawDb().webhookDelivery.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ state: "SUCCEEDED", lastStatus: 204 });

    await redeliverWebhook(admin, message.id);
    await deliverDueWebhooks();
    expect((await nextRequest("/new-home", 1, 5000)).headers["webhook-id"]).toBe(message.id);
    expect(received.filter((r) => r.path === "/moved").length).toBe(moved);
    await deleteWebhookEndpoint(admin, moving.id);
  });
});

describe("live coverage", () => {
  it("tells endpoints about an entry posted, edited and deleted on a published live story", async () => {
    const { article } = await makeLiveStory(editor);
    const before = received.filter((r) => r.path === "/hook").length;
    const entry = (text: string) => ({ articleId: article.id, title: "", body: documentFromParagraphs([text]), isKeyEvent: false, isPinned: false, authorIds: [] });
    const posted = await postEntry(editor, entry("The bridge reopened at noon."));
    const first = verify(await nextRequest("/hook", before, 5000));
    expect(first).toMatchObject({ type: "live_entry.posted", data: { id: article.id, entry: { id: posted.id } } });
    await deleteEntry(editor, posted.id);
    expect(verify(await nextRequest("/hook", before + 1, 5000))).toMatchObject({ type: "live_entry.deleted", data: { entry: { id: posted.id } } });
  });
});

describe("targets", () => {
  it("refuses a private target when it is saved and, by its resolved address, when it is sent to", async () => {
    await expect(assertPublicTarget("http://127.0.0.1:9/hook", false)).rejects.toThrow(/private network/);
    await expect(assertPublicTarget("http://[::1]/hook", false)).rejects.toThrow(/private network/);
    await expect(assertPublicTarget("http://localhost/hook", false)).rejects.toThrow(/private network/);
    await assertPublicTarget("http://127.0.0.1:9/hook", true);
    const port = new URL(base).port;
    const count = received.length;
    // "localhost" is a name: refused on the address it resolves to, at connection time.
    expect((await postOnce(`http://localhost:${port}/hook`, "{}", {}, false)).error).toMatch(/private network/);
    expect((await postOnce(`http://127.0.0.1:${port}/hook`, "{}", {}, false)).error).toMatch(/private network/);
    expect(received.length).toBe(count);
    expect((await postOnce(`http://localhost:${port}/hook`, "{}", {}, true)).status).toBe(204);
  });

  it("turns a private target into a message on the URL field when saving an endpoint is not allowed to reach it", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "0";
    vi.resetModules();
    const fresh = await import("@/lib/data/webhooks/endpoints");
    const errors = await import("@/lib/data/errors");
    const refusal = await fresh.createWebhookEndpoint(admin, { url: "http://10.0.0.8/hook", description: "", events: ["article.published"] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(errors.DataValidationError);
    expect((refusal as DataValidationError).field).toBe("url");
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "1";
  });
});

describe("WebSub", () => {
  it("pings the hub with the site's and the section's feeds when an article is published", async () => {
    await updateApiSettings(admin, { apiAnonymousAccess: false, apiRightsInfo: "", websubHubUrl: `${base}/hub` });
    const article = await makeArticle(editor, { status: "IN_REVIEW" });
    const before = received.filter((r) => r.path === "/hub").length;
    await publishArticle(editor, article.id);
    const ping = await nextRequest("/hub", before, 5000);
    const form = new URLSearchParams(ping.body);
    expect(ping.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(form.get("hub.mode")).toBe("publish");
    expect(form.getAll("hub.url")).toEqual(expect.arrayContaining([expect.stringMatching(/\/feed\.xml$/), expect.stringContaining(`/${article.section.slug}/atom.xml`)]));
  });
});

describe("a slow receiver", () => {
  it("is cut off at the time limit however steadily it drips its answer", async () => {
    const started = Date.now();
    const result = await Promise.race([
      postOnce(`${base}/slow`, "{}", {}, true),
      new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), SEND_TIMEOUT_MS + 5_000)),
    ]);
    expect(result).not.toBe("still waiting");
    expect(Date.now() - started).toBeLessThan(SEND_TIMEOUT_MS + 5_000);
    // A 200 whose answer did not end in time is a failed attempt (retried, and in the end the endpoint turned off).
    expect(result).toMatchObject({ status: 200, error: expect.stringMatching(/within 10 s/) });
  }, 30_000);

  it("reads only the first kilobyte of an answer that never ends", async () => {
    const result = await postOnce(`${base}/endless`, "{}", {}, true);
    expect(result).toMatchObject({ status: 200, error: "", excerpt: "x".repeat(1024) });
    expect(result.latencyMs).toBeLessThan(SEND_TIMEOUT_MS);
  });

  it("does not hold up another endpoint's messages", async () => {
    await rawDb().webhookEndpoint.updateMany({ data: { enabled: false } });
    const slow = await createWebhookEndpoint(admin, { url: `${base}/slow`, description: "slow partner", events: ["article.published"] });
    await publishArticle(editor, (await makeArticle(editor, { status: "IN_REVIEW" })).id); // its message starts dripping
    await new Promise((resolve) => setTimeout(resolve, 500));

    const fast = await createWebhookEndpoint(admin, { url: `${base}/fast`, description: "healthy partner", events: ["article.published"] });
    await publishArticle(editor, (await makeArticle(editor, { status: "IN_REVIEW" })).id);
    const committed = Date.now();
    // Decision 0024: the healthy receiver hears of the publish within a second or so, whatever the slow one does.
    await vi.waitFor(() => expect(received.some((r) => r.path === "/fast" && r.at >= committed)).toBe(true), { timeout: 8_000, interval: 100 });
    for (const id of [slow.id, fast.id]) await deleteWebhookEndpoint(admin, id);
  }, 30_000);

  it("is sent no more than its share of messages at once; the rest wait their turn", async () => {
    await rawDb().webhookEndpoint.updateMany({ data: { enabled: false } });
    const slow = await createWebhookEndpoint(admin, { url: `${base}/slow`, description: "slow partner", events: ["article.published"] });
    for (let i = 0; i < PER_RECEIVER + 2; i++) await publishArticle(editor, (await makeArticle(editor, { status: "IN_REVIEW" })).id);
    const count = (state: "DELIVERING" | "PENDING") => rawDb().webhookDelivery.count({ where: { endpointId: slow.id, state } });
    await vi.waitFor(async () => expect(await count("DELIVERING")).toBe(PER_RECEIVER), { timeout: 5_000, interval: 100 });
    expect(await count("PENDING")).toBe(2);
    await deleteWebhookEndpoint(admin, slow.id);
  });
});

