/**
 * Both storage drivers through the same interface: local disk in a temporary folder, and the S3 driver against a
 * tiny in-process stand-in for an S3-compatible server (path-style PUT/GET/DELETE), so no network is needed.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage, createS3Storage, readStoredFile, type MediaStorage } from "@/lib/media/storage";

const KEY = `${"c".repeat(32)}-10x10/w320.webp`;

async function exercise(storage: MediaStorage) {
  expect(await storage.get(KEY)).toBeNull();
  await storage.put(KEY, Buffer.from("webp bytes"), "image/webp");
  const got = await storage.get(KEY);
  expect(got?.contentType).toBe("image/webp");
  expect(got?.size).toBe(10);
  expect(await new Response(got!.body).text()).toBe("webp bytes");
  expect((await readStoredFile(storage, KEY))?.toString()).toBe("webp bytes");
  expect(storage.url(KEY)).toBe(`/media/${KEY}`);
  await storage.delete(KEY);
  await storage.delete(KEY); // missing: not an error
  expect(await storage.get(KEY)).toBeNull();
}

describe("local storage", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dateline-storage-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("puts, gets and deletes files under its folder, leaving no temporary files", async () => {
    await exercise(createLocalStorage(dir));
    await createLocalStorage(dir).put(KEY, Buffer.from("x"), "image/webp");
    expect(readdirSync(path.join(dir, KEY.split("/")[0]!))).toEqual(["w320.webp"]);
  });

  it("refuses keys that could leave its folder", async () => {
    const storage = createLocalStorage(dir);
    for (const key of ["../escape.webp", "a/../../b.webp", "/etc/passwd", "A/B.webp", ""]) {
      await expect(storage.put(key, Buffer.from("x"), "image/webp")).rejects.toThrow(/Not a valid media key/);
      await expect(storage.get(key)).rejects.toThrow(/Not a valid media key/);
    }
  });
});

describe("S3-compatible storage", () => {
  const objects = new Map<string, { body: Buffer; type: string }>();
  let server: Server;
  let endpoint = "";

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const key = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
        if (req.method === "PUT") {
          // The SDK may send the body with aws-chunked encoding; our payloads are small enough to be sent whole.
          objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers["content-type"] ?? "") });
          res.writeHead(200, { etag: '"1"' }).end();
        } else if (req.method === "GET") {
          const object = objects.get(key);
          if (!object) {
            res.writeHead(404, { "content-type": "application/xml" }).end(`<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>`);
          } else {
            res.writeHead(200, { "content-type": object.type, "content-length": String(object.body.length) }).end(object.body);
          }
        } else if (req.method === "DELETE") {
          objects.delete(key);
          res.writeHead(204).end();
        } else {
          res.writeHead(405).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("puts, gets and deletes objects in the bucket under the prefix", async () => {
    const storage = createS3Storage({
      driver: "s3",
      bucket: "newsroom",
      region: "us-east-1",
      endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test-secret" },
      forcePathStyle: true,
      prefix: "media/",
    });
    await storage.put(KEY, Buffer.from("webp bytes"), "image/webp");
    expect([...objects.keys()]).toEqual([`/newsroom/media/${KEY}`]);
    expect(objects.get(`/newsroom/media/${KEY}`)?.type).toBe("image/webp");
    await storage.delete(KEY);
    await exercise(storage);
  });
});
