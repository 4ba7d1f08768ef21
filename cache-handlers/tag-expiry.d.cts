export declare const RENDER_MARGIN_MS: number;

export type TagExpiry = {
  state: { isListening: boolean };
  noteExpired(tags: string[], at: number): void;
  connectListener(): Promise<boolean>;
  isExpiredAfter(tags: string[], since: number): boolean;
};

export declare function sharedTagExpiry(): TagExpiry;

/** A tag expiry of its own (tests): `listener` stands in for the process's LISTEN connection. */
export declare function createTagExpiry(options?: { state?: object; databaseUrl?: () => string | undefined; listener?: (url: string) => unknown }): TagExpiry;
