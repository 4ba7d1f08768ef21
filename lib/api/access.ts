/**
 * Who may call the Content API, and how often: a key (`Authorization: Bearer dl_…`) with the scope the endpoint
 * needs, within its per-minute limit; or, only when an admin turned anonymous access on, anyone, limited per client
 * address. Limits are shared by every instance (lib/data/rate-limits.ts). Headers come as a Fetch Headers (route
 * handlers) or Node's plain record (the API's front, ./front.ts).
 */
import "server-only";
import { requestIp } from "@/lib/auth/request-ip";
import type { IncomingHttpHeaders } from "node:http";
import { checkApiKey } from "@/lib/data/api/keys";
import { rateCounter, type RateLimitResult } from "@/lib/data/rate-limits";
import { getApiSettings } from "@/lib/data/settings";
import type { ApiScope } from "@/lib/validation/api";

/** Requests per minute for one address without a key (when anonymous access is on). */
export const ANONYMOUS_RATE_LIMIT = 60;

export type Access =
  | { ok: true; policy: "key" | "anonymous"; rate: RateLimitResult }
  | { ok: false; status: 401 | 403 | 429; detail: string; policy?: "key" | "anonymous"; rate?: RateLimitResult };

export type HeaderSource = Headers | IncomingHttpHeaders;

export function readHeader(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

function bearerToken(headers: HeaderSource): string | null {
  const header = readHeader(headers, "authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] as string) : "";
}

const overLimit = (policy: "key" | "anonymous", rate: RateLimitResult): Access => ({
  ok: false,
  status: 429,
  policy,
  rate,
  detail: `This ${policy === "key" ? "key" : "address"} may make ${rate.limit} requests a minute. Try again in ${Math.ceil(rate.resetMs / 1000)} s.`,
});

export async function checkAccess(headers: HeaderSource, scope: ApiScope): Promise<Access> {
  const token = bearerToken(headers);
  if (token === "") return { ok: false, status: 401, detail: "Send the key as `Authorization: Bearer <key>`." };
  if (token) {
    const key = await checkApiKey(token);
    if (!key.found) return { ok: false, status: 401, detail: "This API key is not valid, or it was revoked. Ask the site's admins for a key." };
    if (!key.scopes.includes(scope)) return { ok: false, status: 403, detail: `This key may not read ${scope}: ask the site's admins to make a key with that scope.` };
    return key.rate.allowed ? { ok: true, policy: "key", rate: key.rate } : overLimit("key", key.rate);
  }
  const settings = await getApiSettings();
  if (!settings.apiAnonymousAccess) return { ok: false, status: 401, detail: "An API key is required: send it as `Authorization: Bearer <key>`. Ask the site's admins for one." };
  const rate = await rateCounter().take(`ip:${requestIp(headers)}`, ANONYMOUS_RATE_LIMIT);
  return rate.allowed ? { ok: true, policy: "anonymous", rate } : overLimit("anonymous", rate);
}
