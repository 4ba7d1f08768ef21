/**
 * One HTTP POST of a webhook or WebSub ping: through node:http(s) with the guarded lookup (./targets.ts), literal
 * addresses checked the same way, no redirects followed, a 10 s time limit, and the first kilobyte of the answer
 * kept for the delivery log.
 */
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { guardedLookup, isPrivateAddress, PrivateTargetError } from "./targets";

export const SEND_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

export type SendResult = { status: number | null; latencyMs: number; excerpt: string; error: string };

export async function postOnce(target: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<SendResult> {
  const started = performance.now();
  const done = (status: number | null, excerpt: string, error: string): SendResult => ({ status, latencyMs: Math.round(performance.now() - started), excerpt, error });
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return done(null, "", "The address is not a URL.");
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) return done(null, "", new PrivateTargetError(host).message);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    const request = client.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "Dateline-Webhooks/1" }, lookup: guardedLookup(allowPrivate), timeout: SEND_TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () => resolve(done(response.statusCode ?? null, Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8"), "")));
        response.on("error", (error) => resolve(done(response.statusCode ?? null, "", error.message)));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${SEND_TIMEOUT_MS / 1000} s.`)));
    request.on("error", (error) => resolve(done(null, "", error.message)));
    request.end(body);
  });
}
