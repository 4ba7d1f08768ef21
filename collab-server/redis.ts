/**
 * Several collaboration servers share documents through Redis (@hocuspocus/extension-redis): every change and every
 * presence update one of them receives is published to the others. Two departures from the extension:
 *
 * - Its Redis lock around each store is left out on purpose. Stores are serialized by the article's row lock in
 *   PostgreSQL and merge what is already stored (lib/data/articles/shared-store.ts), and each server stores what its
 *   own writers typed: with the lock, a server that lost the race would skip a store it needed.
 * - When the last person connected to a server leaves a document (a closed tab, a quit browser, someone disconnected
 *   for being deactivated), the extension publishes nothing (it skips documents with nobody connected), so the other
 *   servers would keep showing them for the 30 s awareness timeout. Their departure is published here.
 */
import { Redis } from "@hocuspocus/extension-redis";
import { OutgoingMessage, type onAwarenessUpdatePayload } from "@hocuspocus/server";

export class RedisSync extends Redis {
  async onStoreDocument(): Promise<void> {}

  async afterStoreDocument(): Promise<void> {}

  async onAwarenessUpdate(payload: onAwarenessUpdatePayload): Promise<number | undefined> {
    const { documentName, awareness, removed, document } = payload;
    if ((document?.connections.size ?? 0) > 0 || removed.length === 0) return super.onAwarenessUpdate(payload);
    const message = new OutgoingMessage(documentName).createAwarenessUpdateMessage(awareness, removed);
    return this.pub.publish(`${this.configuration.prefix}:${documentName}`, Buffer.concat([this.messagePrefix, Buffer.from(message.toUint8Array())]));
  }
}
