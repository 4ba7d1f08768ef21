/**
 * Content API keys: made, listed and revoked by admins (audited), and checked on every API request. A key is
 * `dl_` + 32 random bytes (base64url); only its SHA-256 is stored, so it is shown once, when it is made. A request's
 * check is one statement: it finds the key (not revoked), counts the request in the key's per-minute window shared
 * by every instance (lib/data/rate-limits.ts), and moves "last used" at most once a minute (so a busy key does not
 * write its row on every request). A revoked key is refused on its next request: nothing caches keys.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { ApiKeyInput, ApiScope } from "@/lib/validation/api";
import { writeAudit } from "../audit";
import { NotFoundError } from "../errors";
import { rateLimitResult, windowOf, type RateLimitResult } from "../rate-limits";
import type { SessionUser } from "../types";

export const RATE_WINDOW_MS = 60_000;
const LAST_USED_PRECISION_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Makes a key; the returned `key` is the only time anyone sees it. */
export async function createApiKey(actor: SessionUser, input: ApiKeyInput): Promise<{ id: string; key: string }> {
  assertCan(actor.role, "settings:manage");
  const key = `dl_${randomBytes(32).toString("base64url")}`;
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name: input.name, scopes: input.scopes, rateLimit: input.rateLimit, prefix: key.slice(0, 10), secretHash: hashApiKey(key) },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: "api_key.create", targetType: "ApiKey", targetId: row.id, details: { name: input.name, scopes: input.scopes, rateLimit: input.rateLimit } });
    return { id: row.id, key };
  });
}

export async function listApiKeys(actor: SessionUser) {
  assertCan(actor.role, "settings:manage");
  return getDb().apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, rateLimit: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}

/** Revokes a key: its next request is refused. Revoking a revoked key changes nothing. */
export async function revokeApiKey(actor: SessionUser, id: string): Promise<{ name: string }> {
  assertCan(actor.role, "settings:manage");
  return getDb().$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id }, select: { name: true, revokedAt: true } });
    if (!key) throw new NotFoundError("That API key");
    if (key.revokedAt) return { name: key.name };
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actor, action: "api_key.revoke", targetType: "ApiKey", targetId: id, details: { name: key.name } });
    return { name: key.name };
  });
}

export type KeyCheck = { found: false } | { found: true; id: string; scopes: ApiScope[]; rate: RateLimitResult };

/** Checks a presented key and counts the request against its limit, in one round trip. */
export async function checkApiKey(key: string, now = Date.now()): Promise<KeyCheck> {
  if (key.length > 200) return { found: false };
  const { start, resetMs } = windowOf(now, RATE_WINDOW_MS);
  const at = new Date(now);
  const [row] = await getDb().$queryRaw<{ id: string; scopes: string[]; rateLimit: number; count: number }[]>`
    WITH k AS (SELECT id, scopes, "rateLimit" FROM "ApiKey" WHERE "secretHash" = ${hashApiKey(key)} AND "revokedAt" IS NULL),
    used AS (
      UPDATE "ApiKey" SET "lastUsedAt" = ${at}
      WHERE id IN (SELECT id FROM k) AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(now - LAST_USED_PRECISION_MS)})
      RETURNING id),
    hit AS (
      INSERT INTO "RateLimitWindow" (bucket, "windowStart", count) SELECT 'key:' || id, ${start}, 1 FROM k
      ON CONFLICT (bucket) DO UPDATE SET
        count = CASE WHEN "RateLimitWindow"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitWindow".count + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING count)
    SELECT k.id, k.scopes, k."rateLimit", hit.count FROM k CROSS JOIN hit`;
  if (!row) return { found: false };
  return { found: true, id: row.id, scopes: row.scopes as ApiScope[], rate: rateLimitResult(row.count, row.rateLimit, resetMs) };
}
