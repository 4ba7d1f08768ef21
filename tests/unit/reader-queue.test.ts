/**
 * Staff first (lib/traffic/reader-queue.ts): which requests are a reader's, the gate's order and limit, and on a real
 * HTTP server, a staff request answered at once while readers wait for their places.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGate, installReaderQueue, isReaderRequest, READER_CONCURRENCY } from "@/lib/traffic/reader-queue";

describe("reader requests", () => {
  it("are GET and HEAD of public paths; staff areas, sign-in, APIs, Next's files and any write are not", () => {
    for (const url of ["/", "/news", "/news/a-story", "/tag/water", "/search?q=x", "/feed.xml", "/media/a.jpg", "/dashboardx"]) {
      expect(isReaderRequest("GET", url), url).toBe(true);
    }
    expect(isReaderRequest("HEAD", "/")).toBe(true);
    for (const url of ["/dashboard", "/dashboard/articles/1", "/admin", "/api/articles/1", "/login", "/login?callbackUrl=/", "/preview/t", "/_next/static/x.js", "/invite/t", "/reset-password/t", "/forgot-password"]) {
      expect(isReaderRequest("GET", url), url).toBe(false);
    }
    expect(isReaderRequest("POST", "/news")).toBe(false);
    expect(isReaderRequest("PUT", "/")).toBe(false);
  });
});

describe("the gate", () => {
  it("lets `limit` in on the next turn, the rest in arrival order as places free up, each place freed once", async () => {
    const gate = createGate(2);
    const started: number[] = [];
    const leaves: (() => void)[] = [];
    for (let i = 0; i < 5; i++) gate.enter((leave) => (started.push(i), leaves.push(leave)));
    expect(started, "never from the callback that brought them in").toEqual([]);
    await nextTurn();
    expect(started).toEqual([0, 1]);
    expect(gate.waiting).toBe(3);
    leaves[0]!();
    leaves[0]!(); // twice: still one place
    await nextTurn();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.active).toBe(2);
    leaves[2]!();
    leaves[1]!();
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    for (const leave of leaves.slice(3)) leave();
    expect(gate.active).toBe(0);
  });

  it("starts at most `limit` readers a turn even when each finishes at once, so I/O due meanwhile runs in between", async () => {
    const gate = createGate(2);
    const order: string[] = [];
    // Six readers arriving in one callback, each finishing as soon as it starts, as a cache hit does.
    for (let i = 0; i < 6; i++) gate.enter((leave) => (order.push(`reader ${i}`), leave()));
    // Something due at the same time (a staff request's database answer) gets a turn before the queue drains.
    setImmediate(() => order.push("staff"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toHaveLength(7);
    expect(order.indexOf("staff")).toBeLessThan(order.indexOf("reader 2"));
    expect(order.filter((o) => o.startsWith("reader"))).toEqual(["reader 0", "reader 1", "reader 2", "reader 3", "reader 4", "reader 5"]);
  });
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("on a server", () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("answers staff at once while readers beyond the limit wait (installed as the process does it)", async () => {
    const held: { url: string; response: http.ServerResponse }[] = [];
    server = http.createServer((request, response) => {
      if (request.url === "/dashboard") return response.end("staff");
      held.push({ url: request.url!, response }); // a reader's page that takes its time
    });
    installReaderQueue();
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const agent = new http.Agent({ keepAlive: false, maxSockets: 20 });
    const get = (path: string) =>
      new Promise<string>((resolve, reject) => http.get(`${base}${path}`, { agent }, (r) => {
        let body = "";
        r.on("data", (c: Buffer) => (body += c));
        r.on("end", () => resolve(body));
      }).on("error", reject));

    const count = READER_CONCURRENCY + 1;
    const readers = Array.from({ length: count }, (_, i) => get(`/news/story-${i}`));
    await expect.poll(() => held.length).toBe(READER_CONCURRENCY);
    expect(await get("/dashboard")).toBe("staff");
    expect(held.length, "the last reader still waits").toBe(READER_CONCURRENCY);
    held[0]!.response.end(held[0]!.url);
    await expect.poll(() => held.length).toBe(count);
    for (const { url, response } of held.slice(1)) response.end(url);
    expect(await Promise.all(readers)).toEqual(Array.from({ length: count }, (_, i) => `/news/story-${i}`));
    agent.destroy();
  });
});
