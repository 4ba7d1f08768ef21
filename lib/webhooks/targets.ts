/**
 * Where the server may send webhooks and WebSub pings: never to loopback, private, link-local or other reserved
 * addresses (a way into the newsroom's own network; lib/security/private-addresses.ts lists them) unless
 * WEBHOOK_ALLOW_PRIVATE_TARGETS=1. The check is on the address the name resolves to, at connection time (`lookup`
 * below), so a public name that resolves to 127.0.0.1, or changes its answer after the endpoint was saved, is
 * refused too.
 */
import { isIP } from "node:net";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isPrivateAddress } from "@/lib/security/private-addresses";

export class PrivateTargetError extends Error {
  constructor(public readonly address: string) {
    super(`The address ${address} is on a private network or this machine: webhooks are only sent to public addresses.`);
    this.name = "PrivateTargetError";
  }
}

/** A `lookup` for http.request that refuses private addresses (unless allowed). */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new PrivateTargetError(refused.address), []);
      const wantsAll = (options as { all?: boolean }).all === true;
      if (wantsAll) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

/** The same rule for a URL before it is saved: a literal address, or a name that resolves now. Unresolvable: allowed
 * (it may resolve later; every delivery checks again). */
export async function assertPublicTarget(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw new PrivateTargetError(host);
    return;
  }
  if (host === "localhost" || host.endsWith(".localhost")) throw new PrivateTargetError(host);
  const addresses = await new Promise<LookupAddress[]>((resolve) => dnsLookup(host, { all: true }, (error, found) => resolve(error ? [] : found)));
  const refused = addresses.find((a) => isPrivateAddress(a.address));
  if (refused) throw new PrivateTargetError(refused.address);
}
