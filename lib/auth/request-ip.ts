/**
 * The client's address for the audit log and the sign-in limits: the socket's peer (lib/security/peer-header.ts)
 * and the X-Forwarded-For entries our own proxies added, as TRUSTED_PROXIES says (lib/security/client-address.ts).
 * Always an IP address or "unknown".
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { clientAddress, UNKNOWN_ADDRESS } from "@/lib/security/client-address";
import { isPeerHeaderInstalled, PEER_HEADER } from "@/lib/security/peer-header";

type HeaderSource = Headers | Record<string, unknown> | undefined;

function read(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(", ");
  return typeof value === "string" ? value : null;
}

/** From a Fetch API Headers object (server actions, route handlers) or next-auth's plain header record. */
export function requestIp(headers: HeaderSource): string {
  if (!isPeerHeaderInstalled()) return UNKNOWN_ADDRESS;
  return clientAddress(read(headers, PEER_HEADER), read(headers, "x-forwarded-for"), getEnv().trustedProxies);
}
