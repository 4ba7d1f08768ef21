/**
 * The in-process store of Next's cache handlers (cache-handlers/isr-handler.cjs, cache-handlers/use-cache-handler.cjs): a Map
 * used as a bounded LRU behind the three-method store interface (get/set/delete) that RedisStore also speaks.
 * Plain CommonJS, loaded outside Next's bundle.
 */
"use strict";

class MemoryStore {
  constructor(maxEntries) {
    this.maxEntries = maxEntries;
    this.map = new Map();
  }
  async get(key) {
    const entry = this.map.get(key);
    if (entry) {
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry;
  }
  async set(key, entry) {
    this.map.delete(key);
    this.map.set(key, entry);
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value);
  }
  async delete(key) {
    this.map.delete(key);
  }
}

module.exports = { MemoryStore };
