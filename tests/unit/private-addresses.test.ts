/**
 * The one list of addresses the server never fetches on someone's behalf (webhooks, WebSub pings, ad image checks):
 * lib/security/private-addresses.ts. The IPv6 prefixes that carry an IPv4 address to a gateway are refused, so an
 * address such as 64:ff9b::a9fe:a9fe (NAT64 for 169.254.169.254) cannot reach the IPv4 ranges around the list.
 */
import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "@/lib/security/private-addresses";

describe("private addresses", () => {
  it.each([
    ["this machine", ["127.0.0.1", "127.8.9.10", "::1", "::", "0.0.0.0", "::127.0.0.1"]],
    ["private and shared networks", ["10.1.2.3", "172.20.0.1", "192.168.1.1", "100.64.0.1", "fd00::1", "fc12:3456::1"]],
    ["link-local and cloud metadata", ["169.254.169.254", "fe80::1"]],
    ["multicast and reserved", ["224.0.0.1", "240.0.0.1", "255.255.255.255", "ff02::1", "100::1"]],
    ["IPv4-mapped IPv6, dotted or not", ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.8", "::ffff:a9fe:a9fe"]],
    ["NAT64 (well-known and local-use prefixes)", ["64:ff9b::a9fe:a9fe", "64:ff9b::127.0.0.1", "64:ff9b::808:808", "64:ff9b:1::a00:1", "64:ff9b:1:ffff::1"]],
    ["6to4", ["2002:7f00:1::1", "2002:a00:1::", "2002:808:808::1"]],
    ["Teredo", ["2001:0:4136:e378:8000:63bf:3fff:fdd2"]],
    ["site-local", ["fec0::1", "feff:ffff::1"]],
    ["not an address", ["not an ip", "", "localhost", "127.1"]],
  ])("refuses %s", (_, addresses) => {
    for (const address of addresses) expect(isPrivateAddress(address), address).toBe(true);
  });

  it("lets public addresses through, IPv6 beside the refused prefixes included", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "::ffff:8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001::200e", "64:ff9c::1", "2003::1", "2001:4860:4860::8888"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});
