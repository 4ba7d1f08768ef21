/**
 * The signed links of the newsletters: confirm a sign-up, open one's preferences, unsubscribe. Nothing is stored for
 * them: a link carries its purpose, the subscriber, an expiry and one extra field (the confirmation's nonce, or the
 * edition an unsubscribe came from), signed with HMAC-SHA256 under a key derived from AUTH_SECRET. Besides its
 * expiry, the database can make a link unusable: a confirmation's nonce is used once, and an erased subscriber's
 * links find nobody (lib/data/newsletters/subscribers.ts).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type LinkPurpose = "confirm" | "preferences" | "unsubscribe";

export type LinkClaims = { purpose: LinkPurpose; subscriberId: string; expiresAt: Date; extra: string };

/** How long each kind of link works: a confirmation for the 48 hours an unconfirmed sign-up is kept. */
export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  confirm: 48 * 3_600_000,
  preferences: 180 * 24 * 3_600_000,
  unsubscribe: 365 * 24 * 3_600_000,
};

const PURPOSES: readonly LinkPurpose[] = ["confirm", "preferences", "unsubscribe"];
const FIELD = /^[A-Za-z0-9_-]{0,64}$/;

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", `dateline:newsletter-link:${secret}`).update(payload).digest();
}

export function signLink(secret: string, claims: Omit<LinkClaims, "expiresAt">, now = new Date()): string {
  if (!FIELD.test(claims.subscriberId) || !FIELD.test(claims.extra)) throw new Error("A link field must be URL-safe");
  const expires = Math.floor((now.getTime() + LINK_TTL_MS[claims.purpose]) / 1000);
  const payload = [claims.purpose, claims.subscriberId, expires, claims.extra].join(".");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/** The link's claims when its signature is right, it is for `purpose` and it has not expired; else null. */
export function verifyLink(secret: string, token: unknown, purpose: LinkPurpose, now = new Date()): LinkClaims | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const parts = token.split(".");
  if (parts.length !== 5) return null;
  const [kind, subscriberId, expires, extra, signature] = parts as [string, string, string, string, string];
  const expected = mac(secret, parts.slice(0, 4).join("."));
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (kind !== purpose || !PURPOSES.includes(kind) || !/^\d+$/.test(expires)) return null;
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt <= now) return null;
  return { purpose, subscriberId, expiresAt, extra };
}
