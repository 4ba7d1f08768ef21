export declare const RENDER_MARGIN_MS: number;

export type TagExpiry = {
  state: { isListening: boolean };
  noteExpired(tags: string[], at: number): void;
  connectListener(): Promise<boolean>;
  isExpiredAfter(tags: string[], since: number): boolean;
};

export declare function sharedTagExpiry(): TagExpiry;
