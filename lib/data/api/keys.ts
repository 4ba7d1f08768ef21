/**
 * Content API keys: made, listed and revoked by admins (audited), and checked on every API request. A key is
 * `dl_` + 32 random bytes (base64url); only its SHA-256 is stored, so it is shown once, when it is made.
 *
 * Checking a key is a memory lookup once it is known: each process keeps the keys it has seen for a minute, and
 * reads a key it does not know with one statement that also moves "last used" (at most once a minute). Revoking a
 * key expires the cache tag "api-keys" in its transaction, which every instance hears at commit (PostgreSQL
 * NOTIFY, as for the public pages) and this one notes at once, so a revoked key is refused on its next request. A
 * process that is not listening (it lost the connection, or it is a test) reads the key from the database every time.
 * The request is counted in the key's per-minute window shared by every instance (lib/data/rate-limits.ts).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { ApiKeyInput, ApiScope } from "@/lib/validation/api";
import { writeAudit } from "../audit";
import { NotFoundError } from "../errors";
import { RENDER_MARGIN_MS, sharedTagExpiry } from "@/cache-handlers/tag-expiry.cjs";
import { expirePublicTags } from "../cache";
import { rateCounter, type RateLimitResult } from "../rate-limits";
import type { SessionUser } from "../types";

/** How long a process trusts a key it read, and so how often "last used" moves for a busy key. */
const KEY_TTL_MS = 60_000;
/** Expired by every revocation: the processes' caches of keys (see the header). */
const API_KEYS_TAG = "api-keys";

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
    if (key.revokedAt) return { name: key.name, revoked: false };
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actor, action: "api_key.revoke", targetType: "ApiKey", targetId: id, details: { name: key.name } });
    await expirePublicTags(tx, [API_KEYS_TAG]);
    return { name: key.name, revoked: true };
  }).then(({ name, revoked }) => {
    // This process hears its own NOTIFY a moment after the commit; its next request must not come first.
    if (revoked) sharedTagExpiry().noteExpired([API_KEYS_TAG], Date.now());
    return { name };
  });
}

export type KeyCheck = { found: false } | { found: true; id: string; scopes: ApiScope[]; rate: RateLimitResult };

type KnownKey = { id: string; scopes: ApiScope[]; rateLimit: number; readAt: number };

const KEYS = Symbol.for("dateline.api-keys");

/** The process's keys by hash, on globalThis: the API's front and its route handlers are bundled apart. */
function knownKeys(): Map<string, KnownKey> {
  const global = globalThis as typeof globalThis & { [KEYS]?: Map<string, KnownKey> };
  return (global[KEYS] ??= new Map());
}

/** A key this process read less than a minute ago and that no revocation since has touched, or null. */
function knownKey(hash: string, now: number): KnownKey | null {
  const keys = knownKeys();
  const known = keys.get(hash);
  if (!known) return null;
  const expiry = sharedTagExpiry();
  // Read before a revocation's commit (with the margin the page cache allows for clocks), or heard of while deaf.
  if (!expiry.state.isListening || now - known.readAt > KEY_TTL_MS || expiry.isExpiredAfter([API_KEYS_TAG], known.readAt - RENDER_MARGIN_MS)) {
    keys.delete(hash);
    return null;
  }
  return known;
}

/** Reads a key that is not revoked, and moves its "last used" when it is a minute old. */
async function readKey(hash: string, now: number): Promise<KnownKey | null> {
  const [row] = await getDb().$queryRaw<{ id: string; scopes: string[]; rateLimit: number }[]>`
    WITH k AS (SELECT id, scopes, "rateLimit" FROM "ApiKey" WHERE "secretHash" = ${hash} AND "revokedAt" IS NULL),
    used AS (
      UPDATE "ApiKey" SET "lastUsedAt" = ${new Date(now)}
      WHERE id IN (SELECT id FROM k) AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(now - KEY_TTL_MS)})
      RETURNING id)
    SELECT id, scopes, "rateLimit" FROM k`;
  if (!row) return null;
  const known = { id: row.id, scopes: row.scopes as ApiScope[], rateLimit: row.rateLimit, readAt: now };
  const keys = knownKeys();
  if (sharedTagExpiry().state.isListening) {
    // Bounded: only real keys are kept, but a site may have made many over time.
    if (keys.size >= 10_000) keys.delete(keys.keys().next().value!);
    keys.set(hash, known);
  }
  return known;
}

/** Checks a presented key and counts the request against its limit. */
export async function checkApiKey(key: string, now = Date.now()): Promise<KeyCheck> {
  if (key.length > 200) return { found: false };
  const hash = hashApiKey(key);
  const known = knownKey(hash, now) ?? (await readKey(hash, now));
  if (!known) return { found: false };
  return { found: true, id: known.id, scopes: known.scopes, rate: await rateCounter().take(`key:${known.id}`, known.rateLimit, now) };
}
