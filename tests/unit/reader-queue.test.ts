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
  it("lets `limit` in at once and the rest in arrival order as places free up, each place freed once", async () => {
    const gate = createGate(2);
    const started: number[] = [];
    const leaves: (() => void)[] = [];
    for (let i = 0; i < 5; i++) gate.enter((leave) => (started.push(i), leaves.push(leave)));
    expect(started).toEqual([0, 1]);
    expect(gate.waiting).toBe(3);
    leaves[0]!();
    leaves[0]!(); // twice: still one place
    await nextTurn();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.active).toBe(2);
    // A newcomer while a place is being handed over waits behind the queue.
    gate.enter((leave) => (started.push(5), leaves.push(leave)));
    leaves[2]!();
    leaves[1]!();
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    for (const leave of leaves.slice(3)) leave();
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    leaves[5]!();
    expect(gate.active).toBe(0);
  });

  it("hands a freed place over on the next turn of the event loop, so I/O waiting meanwhile runs first", async () => {
    const gate = createGate(1);
    const order: string[] = [];
    let first = () => {};
    gate.enter((leave) => (order.push("reader 0"), (first = leave)));
    // Three more waiting, each finishing at once when let in, as a cache hit does.
    for (let i = 1; i < 4; i++) gate.enter((leave) => (order.push(`reader ${i}`), leave()));
    first();
    expect(order).toEqual(["reader 0"]);
    // Something else due at the same time (a staff request's database answer) gets its turn before the queue drains.
    setImmediate(() => order.push("staff"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order.indexOf("staff")).toBeLessThan(order.indexOf("reader 3"));
    expect(order).toHaveLength(5);
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
