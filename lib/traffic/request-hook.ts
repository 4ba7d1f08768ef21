/**
 * A hook in front of a Node HTTP server's "request" listeners (Next): Node publishes each incoming request on the
 * diagnostics channel "http.server.request.start" just before the server emits it, naming the server, whose `emit`
 * is then wrapped once per purpose. The reader queue (./reader-queue.ts) holds reader pages back this way, and the
 * Content API's front (lib/api/front.ts) answers kept API answers before Next.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;

/** Takes a request (true), calling `pass` if and when Next should have it after all; or leaves it to Next (false). */
export type Intercept = (request: IncomingMessage, response: ServerResponse, pass: () => void) => boolean;

/** Puts `intercept` in front of `server`'s "request" listeners, once for each `mark`. */
export function interceptRequests(server: Server, mark: symbol, intercept: Intercept): void {
  const target = server as Server & { [key: symbol]: true | undefined };
  if (target[mark]) return;
  target[mark] = true;
  const emit = server.emit.bind(server) as Emit;
  const intercepted: Emit = (event, ...args) => {
    if (event !== "request") return emit(event, ...args);
    const [request, response] = args as [IncomingMessage, ServerResponse];
    return intercept(request, response, () => emit(event, ...args)) || emit(event, ...args);
  };
  target.emit = intercepted as Server["emit"];
}

/** Calls `install` with each HTTP server of this process as its first request arrives (and with every later one). */
export function onEachServer(install: (server: Server) => void): void {
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (server) install(server);
  });
}
