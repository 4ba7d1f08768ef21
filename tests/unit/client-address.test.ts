import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, limitBucket, normalizeAddress, parseTrustedProxies } from "@/lib/security/client-address";

const none = parseTrustedProxies(undefined);
const oneHop = parseTrustedProxies("1");
const loopback = parseTrustedProxies("127.0.0.1, ::1");
const privateNets = parseTrustedProxies("10.0.0.0/8,172.16.0.0/12,fd00::/8");

/** What the review and a spreadsheet-minded attacker put in the header. */
const HOSTILE = [
  "=cmd|'/c calc'!A1",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "<script>alert(1)</script>",
  "'; DROP TABLE \"AuditLog\"; --",
  "127.0.0.1\r\nX-Injected: 1",
  "\u202e1.2.3.4",
  "1.2.3.4.5",
  "999.1.1.1",
  "localhost",
  "unknown",
  "",
  " ",
  "x".repeat(10_000),
];

describe("parseTrustedProxies", () => {
  it("reads nothing as trusting no proxy, a number as hops, and a list of addresses and ranges", () => {
    expect(none).toEqual({ kind: "hops", hops: 0 });
    expect(parseTrustedProxies("0")).toEqual({ kind: "hops", hops: 0 });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(loopback.kind).toBe("list");
  });

  it("refuses what is neither", () => {
    for (const bad of ["nginx", "10.0.0.0/33", "::1/129", "10.0.0.1/8/1", "10.0.0.0/x", "1.2.3", "11", "10.0.0.1,,"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe("clientAddress", () => {
  it("trusts no header by default: the client is the socket's peer", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddress("203.0.113.5", "=cmd|'/c calc'!A1", none)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:127.0.0.1", null, none)).toBe("127.0.0.1");
    expect(clientAddress("::1", undefined, none)).toBe("::1");
  });

  it("behind one proxy, takes the entry that proxy appended (the right-most), never the client's own claims", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", oneHop)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "198.51.100.1, 203.0.113.9", oneHop)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "=cmd|'/c calc'!A1, 203.0.113.9", oneHop)).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "203.0.113.9, =cmd|'/c calc'!A1", oneHop)).toBe("unknown");
    // Reached directly, without an X-Forwarded-For: the peer itself.
    expect(clientAddress("203.0.113.20", null, oneHop)).toBe("203.0.113.20");
  });

  it("with a list, skips our own proxies from the right and stops at the first address that is not ours", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", loopback)).toBe("203.0.113.9");
    expect(clientAddress("10.1.2.3", "198.51.100.4, 203.0.113.9, 10.0.0.7", privateNets)).toBe("203.0.113.9");
    // The app reached directly by someone else: their header is not read at all.
    expect(clientAddress("203.0.113.66", "198.51.100.1", loopback)).toBe("203.0.113.66");
    // A request from the proxy's own machine with no header: the proxy is the client.
    expect(clientAddress("::1", null, loopback)).toBe("::1");
    expect(clientAddress("127.0.0.1", "127.0.0.1", loopback)).toBe("127.0.0.1");
  });

  it("reads several X-Forwarded-For headers as one list", () => {
    expect(clientAddress("127.0.0.1", ["198.51.100.1", "203.0.113.9"], oneHop)).toBe("203.0.113.9");
  });

  it("answers an IP address or \"unknown\", whatever the header holds", () => {
    for (const trust of [none, oneHop, loopback, privateNets]) {
      for (const value of HOSTILE) {
        for (const header of [value, `${value}, 203.0.113.1`, `203.0.113.1, ${value}`, `${value},${value}`]) {
          const address = clientAddress("127.0.0.1", header, trust);
          expect(address === "unknown" || isIP(address) !== 0, JSON.stringify([header, address])).toBe(true);
        }
        expect(clientAddress(value, null, trust), JSON.stringify(value)).toBe(isIP(value) ? value : "unknown");
      }
    }
  });

  it("answers \"unknown\" without a peer (the request did not come through our server's socket)", () => {
    expect(clientAddress(null, "203.0.113.9", oneHop)).toBe("unknown");
    expect(clientAddress("", "203.0.113.9", none)).toBe("unknown");
  });

  it("normalizes ports, brackets, case and IPv4-mapped IPv6", () => {
    expect(normalizeAddress(" 203.0.113.9:5555 ")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(clientAddress("127.0.0.1", "[2001:db8::1]:443", oneHop)).toBe("2001:db8::1");
  });
});

describe("limitBucket: one client's share in the per-client limits", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:0:0:0:ffff", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["::", "0:0:0:0::/64"],
    ["64:ff9b::192.0.2.1", "64:ff9b:0:0::/64"],
    ["unknown", "unknown"],
  ])("%s counts as %s", (address, bucket) => {
    expect(limitBucket(address)).toBe(bucket);
  });

  it("gives every address of one /64 the same bucket, and the next /64 another", () => {
    const line = ["2001:db8:aa:1::1", "2001:db8:aa:1:ffff:ffff:ffff:ffff", "2001:db8:aa:1:1234::9"].map(limitBucket);
    expect(new Set(line).size).toBe(1);
    expect(limitBucket("2001:db8:aa:2::1")).not.toBe(line[0]);
  });
});
