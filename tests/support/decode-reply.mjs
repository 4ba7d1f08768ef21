/**
 * React's own reply decoder, as Next runs it for a multipart server action (decodeReplyFromBusboy fed by busboy),
 * for tests/unit/action-reply.test.ts. Run with `node --conditions=react-server` (the decoder refuses to load
 * without it). Reads [{ type, body (base64) }] on stdin; writes [{ ok, error }] on stdout.
 */
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// Next's own copies, by path, as its action handler loads them.
const load = createRequire(import.meta.url);
const busboyOf = load("next/dist/compiled/busboy");
const server = load("next/dist/compiled/react-server-dom-turbopack/server.node");

async function decode({ type, body }) {
  const busboy = busboyOf({ defParamCharset: "utf8", headers: { "content-type": type }, limits: { fieldSize: 1024 * 1024 } });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 2000).unref());
  try {
    const [, args] = await Promise.race([Promise.all([pipeline(Readable.from([Buffer.from(body, "base64")]), busboy), server.decodeReplyFromBusboy(busboy, {}, { temporaryReferences: server.createTemporaryReferenceSet() })]), timeout]);
    return { ok: Array.isArray(args), error: Array.isArray(args) ? null : "not a list" };
  } catch (error) {
    return { ok: false, error: String(error && error.message) };
  }
}

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const results = [];
  for (const item of JSON.parse(input)) results.push(await decode(item));
  process.stdout.write(JSON.stringify(results));
});
