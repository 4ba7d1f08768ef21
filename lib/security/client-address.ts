/**
 * The client's address, as the audit log and the sign-in limits record it, from the proxies this server trusts and
 * from nothing else (issue 20, finding 4).
 *
 * The chain is what each hop saw: the X-Forwarded-For entries, left to right, then the address of the socket the
 * request arrived on (the peer). Every proxy appends the address it received the request from, so only the
 * right-hand end of the chain was written by machines we run; anything to the left is whatever the client sent.
 * Walking from the right, the hops we trust are skipped, and the first entry that is not ours is the client:
 * - TRUSTED_PROXIES unset or 0: trust nothing, the client is the peer (a forged header is never read);
 * - a number N: the last N hops are our proxies (N = 1 behind one nginx);
 * - a list of addresses and CIDR ranges: an entry is skipped while it is one of ours (safer than a count when the
 *   app can also be reached without the proxy).
 * The result must be an IP address (node:net isIP), else it is "unknown": no text a client chose is ever recorded.
 */
import { BlockList, isIP } from "node:net";

export const UNKNOWN_ADDRESS = "unknown";

export type TrustedProxies = { kind: "hops"; hops: number } | { kind: "list"; list: BlockList; source: string };

/** Parses TRUSTED_PROXIES; throws an Error naming the bad entry (lib/env.ts turns it into a start-up message). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "") return { kind: "hops", hops: 0 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error("TRUSTED_PROXIES: a hop count above 10 is surely a mistake");
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address ?? "");
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== null && (!/^\d+$/.test(prefix!) || bits > max))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(address!, type);
    else list.addSubnet(address!, bits, type);
  }
  return { kind: "list", list, source: text };
}

/** An address as it can appear in a header: IPv4-mapped IPv6, brackets and ports taken off. Not validated. */
export function normalizeAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return value.toLowerCase();
}

/**
 * The share of the address space that one client gets in the per-client limits: an IPv4 address, or an IPv6 /64 (what
 * one home line or one server is given, so a client holding a /64 cannot use a fresh address for every request).
 * Anything else ("unknown") is its own bucket.
 */
export function limitBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) is the last 32 bits: never part of the first 64.
  const groups = (part: string) => (part ? part.split(":").map((g) => (g.includes(".") ? ["0", "0"] : [g])).flat() : []);
  const [first, last] = [groups(head), groups(tail)];
  const all = address.includes("::") ? [...first, ...Array<string>(8 - first.length - last.length).fill("0"), ...last] : first;
  return `${all.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(":")}::/64`;
}

function isTrusted(trust: TrustedProxies, address: string, skipped: number): boolean {
  if (trust.kind === "hops") return skipped < trust.hops;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

function validated(address: string): string {
  return isIP(address) ? address : UNKNOWN_ADDRESS;
}

/**
 * The client's address from the socket's `peer` and the X-Forwarded-For header(s) (several headers are read as one
 * list, in order). Without a peer nothing can be trusted: "unknown".
 */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | readonly string[] | null | undefined, trust: TrustedProxies): string {
  if (!peer) return UNKNOWN_ADDRESS;
  const forwarded = [forwardedFor ?? []].flat().flatMap((header) => header.split(","));
  const chain = [...forwarded, peer].map(normalizeAddress);
  for (let i = chain.length - 1, skipped = 0; i >= 0; i--, skipped++) {
    if (!isTrusted(trust, chain[i]!, skipped)) return validated(chain[i]!);
  }
  // Every hop is one of ours (e.g. a health check from the proxy itself): the farthest one is the client.
  return validated(chain[0]!);
}

/** What the data layer stores as an address: an IP address, "" (none given) or "unknown"; any other text is "unknown". */
export function recordableAddress(value: string | null | undefined): string {
  if (!value) return "";
  return isIP(value) ? value : UNKNOWN_ADDRESS;
}
