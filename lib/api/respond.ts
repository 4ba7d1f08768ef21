/**
 * The Content API's HTTP manners, for every /api/v1 route: CORS for GET (any origin may read; keys are sent as a
 * header, never a cookie), the IETF RateLimit headers and 429 with Retry-After, a strong ETag on every body with
 * 304 for a matching If-None-Match, Cache-Control, and problem+json for every error (never an HTML error page).
 * `apiRoute` wraps a handler with all of it: access, the strict query, the format, and errors.
 */
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import type { ApiScope } from "@/lib/validation/api";
import { checkAccess } from "./access";
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

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status: body.status, headers: { ...CORS_HEADERS, ...headers, "content-type": PROBLEM_MEDIA_TYPE, "cache-control": "no-store" } });
}

/** A body with its ETag; 304 when the client already has these bytes. */
export function jsonResponse(request: Request, body: unknown, contentType: string, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
  const common = { ...CORS_HEADERS, ...headers, etag, "cache-control": "private, no-cache", vary: "Accept, Authorization" };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*")) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(text, { status: 200, headers: { ...common, "content-type": `${contentType}; charset=utf-8` } });
}

export type Format = "json" | "ninjs";

/** ninjs when the query says so, or when the Accept header prefers it to plain JSON. */
export function chooseFormat(request: Request, format: Format | undefined): Format {
  if (format) return format;
  const accept = request.headers.get("accept") ?? "";
  return accept.includes(NINJS_MEDIA_TYPE) ? "ninjs" : "json";
}

type Handler<Q, P> = (input: { request: Request; url: URL; query: Q; params: P }) => Promise<{ body: unknown; contentType?: string } | Problem | ParameterProblem[]>;

const isProblem = (value: unknown): value is Problem => !!value && typeof value === "object" && "status" in value && "type" in value;

/** A GET route of the Content API needing `scope`, with its query read by `schema`. */
export function apiRoute<S extends z.ZodObject, P extends Record<string, string>>(scope: ApiScope, schema: S, handler: Handler<z.output<S>, P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const url = new URL(request.url);
    const instance = url.pathname;
    try {
      const access = await checkAccess(request, scope);
      const limits = rateHeaders(access.policy, access.rate);
      if (!access.ok) {
        const retry: Record<string, string> = access.status === 429 && access.rate ? { "retry-after": String(Math.ceil(access.rate.resetMs / 1000)) } : {};
        const auth: Record<string, string> = access.status === 401 ? { "www-authenticate": 'Bearer realm="Dateline Content API"' } : {};
        return problemResponse(problem(access.status, access.detail, { instance }), { ...limits, ...retry, ...auth });
      }
      const query = parseQuery(schema, url.searchParams);
      if (!query.ok) return problemResponse(problem(400, "The request's parameters are not valid: see errors.", { instance, errors: query.errors }), limits);
      const result = await handler({ request, url, query: query.data, params: await context.params });
      if (Array.isArray(result)) return problemResponse(problem(400, "The request's parameters are not valid: see errors.", { instance, errors: result }), limits);
      if (isProblem(result)) return problemResponse({ ...result, instance }, limits);
      return jsonResponse(request, result.body, result.contentType ?? "application/json", limits);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return problemResponse(problem(503, "The database is not answering for the moment. Try again in a few seconds.", { instance }), { "retry-after": "5" });
      console.error("[dateline] content API:", error instanceof Error ? error.message : error);
      return problemResponse(problem(500, "Something went wrong on our side.", { instance }));
    }
  };
}
