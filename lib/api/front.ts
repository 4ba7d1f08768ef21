/**
 * The Content API's front: a GET of /api/v1 whose answer is kept (./answer-cache.ts) is answered here, from the
 * server's "request" event, before Next sees it. Next's route-handler pipeline (routing, the request and response
 * objects, its async context) cost more than the answer itself: a cached API answer through Next took ~2 ms of CPU,
 * so one instance served ~500 a second at 50 connections (docs/performance.md). The front does what the route does
 * with a kept answer, through the same code (lib/api/respond.ts answerFromCache): the key and its scope, the rate
 * limit and its headers, ETag/304, CORS, problem+json for every refusal, plus the headers next.config.ts gives every
 * response. Anything else (a miss, another method, a bad parameter, which is never kept) goes to Next, which
 * answers and keeps the answer for the next caller. Decision 0030.
 *
 * The hook is the one the reader queue uses (lib/traffic/request-hook.ts). instrumentation.ts installs it.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { sharedTagExpiry } from "@/cache-handlers/tag-expiry.cjs";
import { getEnv } from "@/lib/env";
import { securityHeaders } from "@/lib/security/response-headers";
import { interceptRequests, onEachServer } from "@/lib/traffic/request-hook";
import { answerKey, readAnswer } from "./answer-cache";
import { NINJS_MEDIA_TYPE } from "./ninjs";
import { answerFromCache } from "./respond";

const WRAPPED = Symbol.for("dateline.api-front");
const INSTALLED = Symbol.for("dateline.api-front.installed");

/** Answers `request` from a kept answer; false when there is none (Next answers it). */
async function answerBeforeNext(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? "/", "http://api.invalid");
  const cached = await readAnswer(answerKey(url, request.headers.accept, NINJS_MEDIA_TYPE));
  if (!cached) return false;
  const answer = await answerFromCache(request.headers, url.pathname, cached);
  const https = getEnv().siteUrl.startsWith("https://") || request.headers["x-forwarded-proto"] === "https";
  // As Next's compression answers: gzip when the client takes it, and Vary says so either way.
  const headers: Record<string, string | number> = { ...securityHeaders(https), ...answer.headers, vary: answer.headers.vary ? `${answer.headers.vary}, Accept-Encoding` : "Accept-Encoding" };
  let body = answer.body;
  if (body !== null && answer.status === 200 && cached.gzip && acceptsGzip(request.headers["accept-encoding"])) {
    body = cached.gzip;
    headers["content-encoding"] = "gzip";
  }
  if (body !== null) headers["content-length"] = Buffer.byteLength(body);
  response.writeHead(answer.status, headers);
  response.end(body ?? undefined);
  return true;
}

/** Whether Accept-Encoding takes gzip (named, and not with q=0). */
function acceptsGzip(header: string | undefined): boolean {
  return !!header && /(?:^|,)\s*(?:gzip|\*)\s*(?:,|$|;\s*q=(?!0(?:\.0*)?\s*(?:,|$)))/i.test(header);
}

function isApiFrontRequest(method: string | undefined, url: string | undefined): boolean {
  return method === "GET" && !!url && url.startsWith("/api/v1/") && !url.startsWith("/api/v1/openapi.json");
}

/** Makes `server` answer kept API answers before its "request" listeners (Next) see them. */
export function frontApi(server: Server): void {
  interceptRequests(server, WRAPPED, (request, response, pass) => {
    if (!isApiFrontRequest(request.method, request.url)) return false;
    answerBeforeNext(request, response).then((answered) => answered || pass(), pass);
    return true;
  });
}

/** Installs the front on every HTTP server of this process as its first request arrives, and starts hearing tag expiries. */
export function installApiFront(): void {
  const global = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  void sharedTagExpiry().connectListener();
  onEachServer(frontApi);
}
