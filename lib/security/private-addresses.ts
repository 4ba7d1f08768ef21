/**
 * The one list of addresses the server never sends a request to on someone's behalf (webhooks and WebSub pings:
 * lib/webhooks/targets.ts; an ad's image check: lib/media/remote-image.ts): this machine, private and shared
 * networks, link-local, multicast and other reserved ranges, and the IPv6 prefixes that carry an IPv4 address to
 * a gateway (NAT64, 6to4, Teredo), which could lead from a public-looking IPv6 address to one of the IPv4 ranges.
 * IPv4-mapped IPv6 addresses (::ffff:10.0.0.1, ::ffff:a00:1) are checked against the IPv4 ranges by BlockList itself.
 */
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d
  ["64:ff9b::", 96], // NAT64, well-known prefix
  ["64:ff9b:1::", 48], // NAT64, local use
  ["100::", 64], // discard-only
  ["2001::", 32], // Teredo
  ["2002::", 16], // 6to4
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed inside some networks)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** True for an address the server must not send requests to on someone's behalf (and for what is not an address). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  return family === 0 || blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}
