/**
 * Whether an image address on another site answers with an image, asked when an admin saves an ad slot
 * (lib/data/ad-slots.ts, checkAdImage). Only the response's status and headers are read; the body is dropped.
 *
 * The answer is "image", "not-image" (the server answered, and not with an image: an error status or another
 * content type) or "unchecked" (no answer within the time limit, no such host, or an address we do not fetch).
 * Only "not-image" refuses the save: a newsroom must be able to save an ad while a CDN is slow or the server is
 * offline (docs/decisions/0018-readers-and-setup.md).
 *
 * The server fetches on an admin's behalf, so it never fetches a private, loopback or link-local address (no probing
 * of the internal network through this form), and follows at most three redirects, each checked the same way. The
 * address is resolved for the check and again by fetch; a host that changes its answer in between (DNS
 * rebinding) is out of reach of this check, and the answer is only ever a yes or no, never the content.
 */
import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPrivateAddress } from "@/lib/security/private-addresses";

export type RemoteImageCheck = { status: "image"; contentType: string } | { status: "not-image"; reason: string } | { status: "unchecked"; reason: string };

const TIMEOUT_MS = 3_000;
const MAX_REDIRECTS = 3;

export type RemoteImageOptions = {
  /** The addresses a host name resolves to (DNS by default). */
  lookup?: (host: string) => Promise<string[]>;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

const resolveAll = async (host: string) => (await dnsLookup(host, { all: true })).map((entry) => entry.address);

/** Resolves before the deadline, or rejects: DNS lookups cannot be cancelled, so we stop waiting instead. */
function before<T>(deadline: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), Math.max(0, deadline - Date.now())).unref())]);
}

async function isFetchable(url: URL, lookup: (host: string) => Promise<string[]>, deadline: number): Promise<boolean> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await before(deadline, lookup(host));
  return addresses.length > 0 && addresses.every((address) => !isPrivateAddress(address));
}

export async function checkRemoteImage(address: string, options: RemoteImageOptions = {}): Promise<RemoteImageCheck> {
  const lookup = options.lookup ?? resolveAll;
  const fetchImpl = options.fetch ?? fetch;
  const deadline = Date.now() + (options.timeoutMs ?? TIMEOUT_MS);
  let url = new URL(address);
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== "https:") return { status: "not-image", reason: `it leads to ${url.protocol}// rather than https://` };
      if (!(await isFetchable(url, lookup, deadline))) return { status: "unchecked", reason: "its server is on a private network" };
      const response = await fetchImpl(url, { redirect: "manual", signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())), headers: { accept: "image/*" } });
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        if (redirects === MAX_REDIRECTS) return { status: "unchecked", reason: "it redirects too many times" };
        url = new URL(location, url);
        continue;
      }
      if (!response.ok) return { status: "not-image", reason: `its server answers ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
      const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (!contentType.startsWith("image/")) return { status: "not-image", reason: `its server answers with ${contentType || "no content type"}, not an image` };
      return { status: "image", contentType };
    }
  } catch {
    return { status: "unchecked", reason: "its server could not be reached (no such host, or no answer within 3 seconds)" };
  }
}
