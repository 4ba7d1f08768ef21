/**
 * The absolute URLs of a subscriber's signed links (lib/newsletters/tokens.ts), as e-mails and pages carry them.
 * `prefix`: the language edition whose pages they open ("" for the default edition, "/es" for Spanish).
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { signLink, verifyLink, type LinkClaims, type LinkPurpose } from "@/lib/newsletters/tokens";

export function linkToken(purpose: LinkPurpose, subscriberId: string, extra = "", now = new Date()): string {
  return signLink(getEnv().authSecret, { purpose, subscriberId, extra }, now);
}

export function readLinkToken(token: unknown, purpose: LinkPurpose, now = new Date()): LinkClaims | null {
  return verifyLink(getEnv().authSecret, token, purpose, now);
}

export function confirmUrl(subscriberId: string, nonce: string, prefix = ""): string {
  return `${getEnv().siteUrl}${prefix}/newsletters/confirm?token=${linkToken("confirm", subscriberId, nonce)}`;
}

/** The preferences page, as a path (for the site's own pages); preferencesUrl for e-mails. */
export function preferencesPath(subscriberId: string, prefix = ""): string {
  return `${prefix}/newsletters/preferences?token=${linkToken("preferences", subscriberId)}`;
}

export function preferencesUrl(subscriberId: string, prefix = ""): string {
  return `${getEnv().siteUrl}${preferencesPath(subscriberId, prefix)}`;
}

/** The page a person opens from the e-mail's footer (it asks before unsubscribing: link checkers open links). */
export function unsubscribePageUrl(subscriberId: string, editionId: string, prefix = ""): string {
  return `${getEnv().siteUrl}${prefix}/newsletters/unsubscribe?token=${linkToken("unsubscribe", subscriberId, editionId)}`;
}

/** The RFC 8058 one-click endpoint of List-Unsubscribe: a POST unsubscribes at once. */
export function oneClickUrl(subscriberId: string, editionId: string): string {
  return `${getEnv().siteUrl}/api/newsletters/unsubscribe?token=${linkToken("unsubscribe", subscriberId, editionId)}`;
}
