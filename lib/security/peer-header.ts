/**
 * Hands the socket's peer address to the app. Route handlers, server actions and next-auth see only headers, and
 * Next fills X-Forwarded-For from the socket only when the client sent none, so a client's own header would hide
 * the real peer. Node publishes every incoming request on the diagnostics channel "http.server.request.start"
 * before the server's request handler sees it: there we set PEER_HEADER from the socket, overwriting anything a
 * client sent under that name. instrumentation.ts installs it once per server process.
 *
 * Without the hook (a process that did not run instrumentation, e.g. a unit test) the header could be a client's,
 * so requestIp reads it only when isPeerHeaderInstalled() says this process set it.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_HEADER = "x-dateline-peer";
const INSTALLED = Symbol.for("dateline.peer-header");

type Marked = typeof globalThis & { [INSTALLED]?: boolean };

export function installPeerHeader(): void {
  const global = globalThis as Marked;
  if (global[INSTALLED]) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? "";
  });
  global[INSTALLED] = true;
}

export function isPeerHeaderInstalled(): boolean {
  return (globalThis as Marked)[INSTALLED] === true;
}
