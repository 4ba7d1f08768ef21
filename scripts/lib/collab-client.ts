/**
 * A shared document opened from Node, as a browser's editor opens it (the tests, the cluster test and the benchmark):
 * a Hocuspocus provider over `ws` with the staff session cookie and the page's Origin, and the stateless messages the
 * server sends. The cookie is minted as next-auth mints it (same secret, same claims: lib/auth/options.ts).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import * as Y from "yjs";
import { parseServerMessage, type ServerMessage } from "@/lib/collab/protocol";

/** A session cookie for `user` at `sessionVersion`, signed with the app's AUTH_SECRET. */
export async function sessionCookie(user: { id: string; name?: string; email?: string }, sessionVersion: number, secret: string): Promise<string> {
  const token = await encode({ token: { sub: user.id, uid: user.id, sv: sessionVersion, name: user.name, email: user.email }, secret, maxAge: 60 * 60 });
  return `next-auth.session-token=${token}`;
}

export type NodeEditor = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  messages: ServerMessage[];
  /** Resolves when the first sync is done; rejects with the reason when the server refuses. */
  ready: Promise<void>;
  destroy(): void;
};

/**
 * Opens `name` on the server at `url` (ws://host:port, or a proxy's ws://host/collab). `origin` is the page's
 * origin; by default the server's own, which is what a same-origin page sends.
 */
export function openNodeEditor(url: string, name: string, cookie: string, options: { origin?: string; doc?: Y.Doc } = {}): NodeEditor {
  const origin = options.origin ?? new URL(url.replace(/^ws/, "http")).origin;
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie, origin } });
    }
  }
  const doc = options.doc ?? new Y.Doc();
  const messages: ServerMessage[] = [];
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CookieWebSocket, delay: 200, minDelay: 100, maxDelay: 2_000 });
  let settle: { resolve: () => void; reject: (error: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: "session-cookie",
    onSynced: () => settle.resolve(),
    onAuthenticationFailed: ({ reason }) => settle.reject(new Error(reason)),
    onStateless: ({ payload }) => {
      const message = parseServerMessage(payload);
      if (message) messages.push(message);
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    messages,
    ready,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}
