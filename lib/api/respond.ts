/**
 * The Content API's HTTP manners, for every /api/v1 route: CORS for GET (any origin may read; keys are sent as a
 * header, never a cookie), the IETF RateLimit headers and 429 with Retry-After, a strong ETag on every body with
 * 304 for a matching If-None-Match, Cache-Control, and problem+json for every error (never an HTML error page).
 * `apiRoute` wraps a handler with all of it: access, the strict query, the format, and errors; it keeps each answer
 * that says its cache tags, which the front (./front.ts) then serves to every caller with access, before Next.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import type { ApiScope } from "@/lib/validation/api";
import { checkAccess, readHeader, type HeaderSource } from "./access";
import { answerKey, keepAnswer, type CachedAnswer } from "./answer-cache";
import { NINJS_MEDIA_TYPE } from "./ninjs";
import { parseQuery } from "./params";
import { problem, PROBLEM_MEDIA_TYPE, type ParameterProblem, type Problem } from "./problem";
import type { RateLimitResult } from "@/lib/data/rate-limits";

export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, RateLimit, RateLimit-Policy, Retry-After",
};

/** The preflight answer of every API route. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "Authorization, Accept, If-None-Match",
      "access-control-max-age": "86400",
    },
  });
}

function rateHeaders(policy: string | undefined, rate: RateLimitResult | undefined): Record<string, string> {
  if (!policy || !rate) return {};
  const reset = Math.ceil(rate.resetMs / 1000);
  return { "ratelimit-policy": `"${policy}";q=${rate.limit};w=60`, ratelimit: `"${policy}";r=${rate.remaining};t=${reset}` };
}

/** An answer before it is a Response: the route handler sends it through Next, the front (./front.ts) straight to Node. */
export type Answer = { status: number; headers: Record<string, string>; body: string | Buffer | null };

const toResponse = (answer: Answer) => new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });

function problemAnswer(body: Problem, headers: Record<string, string> = {}): Answer {
  return { status: body.status, headers: { ...CORS_HEADERS, ...headers, "content-type": PROBLEM_MEDIA_TYPE, "cache-control": "no-store" }, body: JSON.stringify(body) };
}

const etagOf = (text: string) => `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;

/** A body with its ETag; 304 when the client already has these bytes. */
function bodyAnswer(ifNoneMatch: string | null | undefined, text: string | Buffer, etag: string, contentType: string, headers: Record<string, string>): Answer {
  const common = { ...CORS_HEADERS, ...headers, etag, "cache-control": "private, no-cache", vary: "Accept, Authorization" };
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")) {
    return { status: 304, headers: common, body: null };
  }
  return { status: 200, headers: { ...common, "content-type": `${contentType}; charset=utf-8` }, body: text };
}

export function jsonResponse(request: Request, body: unknown, contentType: string, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return toResponse(bodyAnswer(request.headers.get("if-none-match"), text, etagOf(text), contentType, headers));
}

export type Format = "json" | "ninjs";

/** ninjs when the query says so, or when the Accept header prefers it to plain JSON. */
export function chooseFormat(request: Request, format: Format | undefined): Format {
  if (format) return format;
  const accept = request.headers.get("accept") ?? "";
  return accept.includes(NINJS_MEDIA_TYPE) ? "ninjs" : "json";
}

/** What a handler answers: a body (with `tags` when the answer may be kept for the front), or problems. */
type Handled = { body: unknown; contentType?: string; tags?: string[] } | Problem | ParameterProblem[];
type Handler<Q, P> = (input: { request: Request; url: URL; query: Q; params: P }) => Promise<Handled>;

const isProblem = (value: unknown): value is Problem => !!value && typeof value === "object" && "status" in value && "type" in value;

/**
 * Access (a key with `scope`, within its limit), then `produce` with the rate headers, and every failure as a
 * problem: the route handlers and the front answer through this one path.
 */
export async function answerWithAccess(headers: HeaderSource, scope: ApiScope, instance: string, produce: (limits: Record<string, string>) => Promise<Answer>): Promise<Answer> {
  try {
    const access = await checkAccess(headers, scope);
    const limits = rateHeaders(access.policy, access.rate);
    if (!access.ok) {
      const retry: Record<string, string> = access.status === 429 && access.rate ? { "retry-after": String(Math.ceil(access.rate.resetMs / 1000)) } : {};
      const auth: Record<string, string> = access.status === 401 ? { "www-authenticate": 'Bearer realm="Dateline Content API"' } : {};
      return problemAnswer(problem(access.status, access.detail, { instance }), { ...limits, ...retry, ...auth });
    }
    return await produce(limits);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return problemAnswer(problem(503, "The database is not answering for the moment. Try again in a few seconds.", { instance }), { "retry-after": "5" });
    console.error("[dateline] content API:", error instanceof Error ? error.message : error);
    return problemAnswer(problem(500, "Something went wrong on our side.", { instance }));
  }
}

/** A kept answer (./answer-cache.ts) for a request that has access to it: the front's whole work. */
export function answerFromCache(headers: HeaderSource, instance: string, cached: CachedAnswer): Promise<Answer> {
  return answerWithAccess(headers, cached.scope, instance, async (limits) => bodyAnswer(readHeader(headers, "if-none-match"), cached.body, cached.etag, cached.contentType, limits));
}

/** A GET route of the Content API needing `scope`, with its query read by `schema`. */
export function apiRoute<S extends z.ZodObject, P extends Record<string, string>>(scope: ApiScope, schema: S, handler: Handler<z.output<S>, P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const startedAt = Date.now();
    const url = new URL(request.url);
    const instance = url.pathname;
    const answer = await answerWithAccess(request.headers, scope, instance, async (limits) => {
      const invalid = (errors: ParameterProblem[]) => problemAnswer(problem(400, "The request's parameters are not valid: see errors.", { instance, errors }), limits);
      const query = parseQuery(schema, url.searchParams);
      if (!query.ok) return invalid(query.errors);
      const result = await handler({ request, url, query: query.data, params: await context.params });
      if (Array.isArray(result)) return invalid(result);
      if (isProblem(result)) return problemAnswer({ ...result, instance }, limits);
      const text = JSON.stringify(result.body);
      const etag = etagOf(text);
      const contentType = result.contentType ?? "application/json";
      if (result.tags) {
        const key = answerKey(url, request.headers.get("accept"), NINJS_MEDIA_TYPE);
        void keepAnswer(key, { scope, text, etag, contentType }, result.tags, startedAt);
      }
      return bodyAnswer(request.headers.get("if-none-match"), text, etag, contentType, limits);
    });
    return toResponse(answer);
  };
}
