import { describe, expect, it } from "vitest";
import { checkRemoteImage } from "@/lib/media/remote-image";

const publicLookup = async () => ["93.184.216.34"];

/** A fake network: each URL answers as listed; anything else is refused like a missing host. */
function network(answers: Record<string, { status?: number; type?: string; location?: string }>) {
  const seen: string[] = [];
  const fetchImpl = (async (input: URL | string) => {
    const url = String(input);
    seen.push(url);
    const answer = answers[url];
    if (!answer) throw new TypeError("fetch failed");
    const headers = new Headers(answer.type ? { "content-type": answer.type } : {});
    if (answer.location) headers.set("location", answer.location);
    return new Response(answer.status === 304 ? null : "body", { status: answer.status ?? 200, headers });
  }) as typeof fetch;
  return { fetch: fetchImpl, seen };
}

describe("checkRemoteImage", () => {
  it("says image for an image content type, and not-image for another type or an error status", async () => {
    const net = network({ "https://cdn.test/a.png": { type: "image/png" }, "https://cdn.test/page": { type: "text/html" }, "https://cdn.test/gone.png": { status: 404 } });
    expect(await checkRemoteImage("https://cdn.test/a.png", { lookup: publicLookup, fetch: net.fetch })).toEqual({ status: "image", contentType: "image/png" });
    expect(await checkRemoteImage("https://cdn.test/page", { lookup: publicLookup, fetch: net.fetch })).toMatchObject({ status: "not-image" });
    expect(await checkRemoteImage("https://cdn.test/gone.png", { lookup: publicLookup, fetch: net.fetch })).toMatchObject({ status: "not-image", reason: expect.stringContaining("404") });
  });

  it("follows up to three redirects, each to a public https address", async () => {
    const net = network({
      "https://a.test/1": { status: 302, location: "https://a.test/2" },
      "https://a.test/2": { status: 301, location: "/3" },
      "https://a.test/3": { type: "image/webp" },
      "https://b.test/loop": { status: 302, location: "https://b.test/loop" },
      "https://c.test/down": { status: 302, location: "http://c.test/plain.png" },
    });
    expect(await checkRemoteImage("https://a.test/1", { lookup: publicLookup, fetch: net.fetch })).toMatchObject({ status: "image" });
    expect(await checkRemoteImage("https://b.test/loop", { lookup: publicLookup, fetch: net.fetch })).toMatchObject({ status: "unchecked" });
    expect(await checkRemoteImage("https://c.test/down", { lookup: publicLookup, fetch: net.fetch })).toMatchObject({ status: "not-image" });
  });

  it("never fetches a private address, directly or through a redirect", async () => {
    const net = network({ "https://public.test/x": { status: 302, location: "https://internal.test/admin" } });
    const lookup = async (host: string) => (host === "internal.test" ? ["10.0.0.5"] : ["93.184.216.34"]);
    expect(await checkRemoteImage("https://public.test/x", { lookup, fetch: net.fetch })).toMatchObject({ status: "unchecked" });
    expect(await checkRemoteImage("https://127.0.0.1/a.png", { lookup, fetch: net.fetch })).toMatchObject({ status: "unchecked" });
    expect(await checkRemoteImage("https://[::1]/a.png", { lookup, fetch: net.fetch })).toMatchObject({ status: "unchecked" });
    expect(net.seen).toEqual(["https://public.test/x"]);
  });

  it("is unchecked, not refused, when nothing answers in time (a slow DNS included)", async () => {
    const slowLookup = () => new Promise<string[]>(() => {});
    const started = Date.now();
    expect(await checkRemoteImage("https://slow.test/a.png", { lookup: slowLookup, timeoutMs: 200 })).toMatchObject({ status: "unchecked" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await checkRemoteImage("https://nowhere.test/a.png", { lookup: publicLookup, fetch: network({}).fetch })).toMatchObject({ status: "unchecked" });
  });
});
