/**
 * Who may call the Content API, and how often: a key (`Authorization: Bearer dl_…`) with the scope the endpoint
 * needs, within its per-minute limit; or, only when an admin turned anonymous access on, anyone, limited per client
 * address. Limits are counted in PostgreSQL, so every instance shares them (lib/data/rate-limits.ts).
 */
import "server-only";
import { requestIp } from "@/lib/auth/request-ip";
import { checkApiKey, RATE_WINDOW_MS } from "@/lib/data/api/keys";
import { takeRateLimit, type RateLimitResult } from "@/lib/data/rate-limits";
import { getApiSettings } from "@/lib/data/settings";
import type { ApiScope } from "@/lib/validation/api";

/** Requests per minute for one address without a key (when anonymous access is on). */
export const ANONYMOUS_RATE_LIMIT = 60;

export type Access =
  | { ok: true; policy: "key" | "anonymous"; rate: RateLimitResult }
  | { ok: false; status: 401 | 403 | 429; detail: string; policy?: "key" | "anonymous"; rate?: RateLimitResult };

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
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

export async function checkAccess(request: Request, scope: ApiScope): Promise<Access> {
  const token = bearerToken(request);
  if (token === "") return { ok: false, status: 401, detail: "Send the key as `Authorization: Bearer <key>`." };
  if (token) {
    const key = await checkApiKey(token);
    if (!key.found) return { ok: false, status: 401, detail: "This API key is not valid, or it was revoked. Ask the site's admins for a key." };
    if (!key.scopes.includes(scope)) return { ok: false, status: 403, detail: `This key may not read ${scope}: ask the site's admins to make a key with that scope.` };
    return key.rate.allowed ? { ok: true, policy: "key", rate: key.rate } : overLimit("key", key.rate);
  }
  const settings = await getApiSettings();
  if (!settings.apiAnonymousAccess) return { ok: false, status: 401, detail: "An API key is required: send it as `Authorization: Bearer <key>`. Ask the site's admins for one." };
  const rate = await takeRateLimit(`ip:${requestIp(request.headers)}`, ANONYMOUS_RATE_LIMIT, RATE_WINDOW_MS);
  return rate.allowed ? { ok: true, policy: "anonymous", rate } : overLimit("anonymous", rate);
}
