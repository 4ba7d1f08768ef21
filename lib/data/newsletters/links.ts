/** The absolute URLs of a subscriber's signed links (lib/newsletters/tokens.ts), as e-mails and pages carry them. */
import "server-only";
import { getEnv } from "@/lib/env";
import { signLink, verifyLink, type LinkClaims, type LinkPurpose } from "@/lib/newsletters/tokens";

export function linkToken(purpose: LinkPurpose, subscriberId: string, extra = "", now = new Date()): string {
  return signLink(getEnv().authSecret, { purpose, subscriberId, extra }, now);
}

export function readLinkToken(token: unknown, purpose: LinkPurpose, now = new Date()): LinkClaims | null {
  return verifyLink(getEnv().authSecret, token, purpose, now);
}

export function confirmUrl(subscriberId: string, nonce: string): string {
  return `${getEnv().siteUrl}/newsletters/confirm?token=${linkToken("confirm", subscriberId, nonce)}`;
}

/** The preferences page, as a path (for the site's own pages); preferencesUrl for e-mails. */
export function preferencesPath(subscriberId: string): string {
  return `/newsletters/preferences?token=${linkToken("preferences", subscriberId)}`;
}

export function preferencesUrl(subscriberId: string): string {
  return `${getEnv().siteUrl}${preferencesPath(subscriberId)}`;
}

/** The page a person opens from the e-mail's footer (it asks before unsubscribing: link checkers open links). */
export function unsubscribePageUrl(subscriberId: string, editionId: string): string {
  return `${getEnv().siteUrl}/newsletters/unsubscribe?token=${linkToken("unsubscribe", subscriberId, editionId)}`;
}

/** The RFC 8058 one-click endpoint of List-Unsubscribe: a POST unsubscribes at once. */
export function oneClickUrl(subscriberId: string, editionId: string): string {
  return `${getEnv().siteUrl}/api/newsletters/unsubscribe?token=${linkToken("unsubscribe", subscriberId, editionId)}`;
}
