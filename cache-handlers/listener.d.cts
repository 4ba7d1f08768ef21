export declare const CACHE_CHANNEL: string;

/** What the data layer NOTIFYs at commit; a malformed payload arrives as {}. */
export type CacheChannelPayload = { tags?: unknown; at?: unknown; live?: unknown; seq?: unknown };
export type CacheChannelQuery = <R extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<{ rows: R[] }>;
export type CacheChannelSubscriber = {
  onNotification?(payload: CacheChannelPayload): void;
  onConnect?(query: CacheChannelQuery): Promise<unknown> | void;
  onDisconnect?(): void;
};

export declare class CacheChannelListener {
  readonly isConnected: boolean;
  subscribe(subscriber: CacheChannelSubscriber): () => void;
  query: CacheChannelQuery;
  ready(): Promise<boolean>;
}

export declare function sharedListener(databaseUrl: string): CacheChannelListener;
export declare function createListener(databaseUrl: string, options?: { applicationName?: string }): CacheChannelListener;
