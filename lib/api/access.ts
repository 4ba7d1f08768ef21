/**
 * Who may call the Content API, and how often: a key (`Authorization: Bearer dl_…`) with the scope the endpoint
 * needs, within its per-minute limit; or, only when an admin turned anonymous access on, anyone, limited per client
 * (an IPv4 address or an IPv6 /64). Keys that are not valid are limited per client too: each costs a database read.
 * Limits are shared by every instance (lib/data/rate-limits.ts). Headers come as a Fetch Headers (route
 * handlers) or Node's plain record (the API's front, ./front.ts).
 */
import "server-only";
import { requestIp } from "@/lib/auth/request-ip";
import { limitBucket } from "@/lib/security/client-address";
import type { IncomingHttpHeaders } from "node:http";
import { checkApiKey } from "@/lib/data/api/keys";
import { rateCounter, type RateLimitResult } from "@/lib/data/rate-limits";
import { getApiSettings } from "@/lib/data/settings";
import type { ApiScope } from "@/lib/validation/api";

/** Requests per minute for one client (an IPv4 address or an IPv6 /64) without a key (when anonymous access is on). */
export const ANONYMOUS_RATE_LIMIT = 60;
/**
 * Keys that are not valid one client may present per minute. Each costs a database read (a valid key is then kept in
 * memory for a minute; a made-up one cannot be), so past this a client's keys are refused unread until the minute ends.
 */
export const KEY_MISS_LIMIT = 30;

/**
 * Clients past KEY_MISS_LIMIT, until their window ends: the shared counter's last answer, kept so as not to read. On
 * globalThis: the API's front and its route handlers are bundled apart.
 */
const refusedUntil = ((globalThis as { [key: symbol]: Map<string, number> | undefined })[Symbol.for("dateline.api-key-misses")] ??= new Map<string, number>());

function refuseMisses(client: string, resetMs: number, now = Date.now()): void {
  if (refusedUntil.size >= 10_000) for (const [c, until] of refusedUntil) if (until <= now) refusedUntil.delete(c);
  if (refusedUntil.size < 10_000) refusedUntil.set(client, now + resetMs);
}

const tooManyMisses: Access = { ok: false, status: 429, detail: "Too many keys that are not valid came from this address. Try again in a minute." };

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
    const client = limitBucket(requestIp(headers));
    if ((refusedUntil.get(client) ?? 0) > Date.now()) return tooManyMisses;
    const key = await checkApiKey(token);
    if (!key.found) {
      const misses = await rateCounter().take(`key-miss:${client}`, KEY_MISS_LIMIT);
      if (misses.allowed) return { ok: false, status: 401, detail: "This API key is not valid, or it was revoked. Ask the site's admins for a key." };
      refuseMisses(client, misses.resetMs);
      return tooManyMisses;
    }
    if (!key.scopes.includes(scope)) return { ok: false, status: 403, detail: `This key may not read ${scope}: ask the site's admins to make a key with that scope.` };
    return key.rate.allowed ? { ok: true, policy: "key", rate: key.rate } : overLimit("key", key.rate);
  }
  const settings = await getApiSettings();
  if (!settings.apiAnonymousAccess) return { ok: false, status: 401, detail: "An API key is required: send it as `Authorization: Bearer <key>`. Ask the site's admins for one." };
  const rate = await rateCounter().take(`ip:${limitBucket(requestIp(headers))}`, ANONYMOUS_RATE_LIMIT);
  return rate.allowed ? { ok: true, policy: "anonymous", rate } : overLimit("anonymous", rate);
}
