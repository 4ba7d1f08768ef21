export declare class MemoryStore<E = unknown> {
  constructor(maxEntries: number, maxBytes?: number);
  get(key: string): Promise<E | undefined>;
  set(key: string, entry: E): Promise<void>;
  delete(key: string): Promise<void>;
}
export declare function estimateSize(entry: unknown): number;
