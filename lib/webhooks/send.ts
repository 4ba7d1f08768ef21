/**
 * One HTTP POST of a webhook or WebSub ping: through node:http(s) with the guarded lookup (./targets.ts), literal
 * addresses checked the same way, no redirects followed, and the first kilobyte of the answer kept for the delivery
 * log. SEND_TIMEOUT_MS bounds the whole attempt (connecting, the headers and that kilobyte), not the socket's idle
 * time: a receiver that drips its answer a byte at a time would otherwise hold the attempt open as long as it likes.
 * The rest of the answer is never read.
 */
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isPrivateAddress } from "@/lib/security/private-addresses";
import { guardedLookup, PrivateTargetError } from "./targets";

export const SEND_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

/** `error` is "" only when the receiver answered in time; a late or broken answer is a failure whatever its status. */
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
    let status: number | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    const excerpt = () => Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8");
    // The first of these wins; the request is torn down in every case, so no socket outlives the attempt.
    const finish = (error: string) => {
      clearTimeout(deadline);
      request.destroy();
      resolve(done(status, excerpt(), error));
    };
    const deadline = setTimeout(() => finish(`No complete answer within ${SEND_TIMEOUT_MS / 1000} s.`), SEND_TIMEOUT_MS);
    const request = client.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)), "user-agent": "Dateline-Webhooks/1" }, lookup: guardedLookup(allowPrivate) },
      (response) => {
        status = response.statusCode ?? null;
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) finish("");
        });
        response.on("end", () => finish(""));
        response.on("error", (error) => finish(error.message));
      },
    );
    request.on("error", (error) => finish(error.message));
    request.end(body);
  });
}
