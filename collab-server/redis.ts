/**
 * Several collaboration servers share documents through Redis (@hocuspocus/extension-redis): every change and every
 * presence update one of them receives is published to the others. The extension also takes a Redis lock around
 * each store so that only one server stores; here that lock is left out on purpose. Stores are serialized by the
 * article's row lock in PostgreSQL and merge what is already stored (lib/data/articles/shared-store.ts), and each
 * server stores what its own writers typed: with the lock, a server that lost the race would skip a store it needed.
 */
import { Redis } from "@hocuspocus/extension-redis";

export class RedisSync extends Redis {
  async onStoreDocument(): Promise<void> {}

  async afterStoreDocument(): Promise<void> {}
}
