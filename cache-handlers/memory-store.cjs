/**
 * The in-process store of Next's cache handlers (cache-handlers/isr-handler.cjs, cache-handlers/use-cache-handler.cjs): a Map
 * used as a bounded LRU behind the three-method store interface (get/set/delete) that RedisStore also speaks.
 * Bounded by entries and by bytes: a page entry carries its HTML, its RSC payload and per-segment data (tens of KB),
 * so a count alone let one instance's memory grow with the number of articles read (issue 22: 642 MB at 10,000
 * articles). The size of an entry is estimated from those fields; data entries count their JSON.
 * Plain CommonJS, loaded outside Next's bundle.
 */
"use strict";

/** Bytes an entry holds, roughly: its strings and buffers (2 bytes a character for strings, as V8 may keep them). */
function estimateSize(entry) {
  const value = entry && entry.value;
  if (!value || typeof value !== "object") return 1024;
  let size = 512;
  if (typeof value.html === "string") size += value.html.length * 2;
  if (value.rscData && typeof value.rscData.length === "number") size += value.rscData.length;
  if (value.segmentData instanceof Map) for (const buffer of value.segmentData.values()) size += buffer?.length ?? 0;
  if (value.body && typeof value.body.length === "number") size += value.body.length;
  if (value.data && typeof value.data === "object") size += JSON.stringify(value.data).length * 2;
  return size;
}

class MemoryStore {
  constructor(maxEntries, maxBytes = Number.POSITIVE_INFINITY) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** key -> { entry, size } */
    this.map = new Map();
  }
  async get(key) {
    const slot = this.map.get(key);
    if (!slot) return undefined;
    this.map.delete(key);
    this.map.set(key, slot);
    return slot.entry;
  }
  async set(key, entry) {
    this.remove(key);
    const size = estimateSize(entry);
    this.map.set(key, { entry, size });
    this.bytes += size;
    while (this.map.size > this.maxEntries || (this.bytes > this.maxBytes && this.map.size > 1)) this.remove(this.map.keys().next().value);
  }
  async delete(key) {
    this.remove(key);
  }
  remove(key) {
    const slot = this.map.get(key);
    if (!slot) return;
    this.map.delete(key);
    this.bytes -= slot.size;
  }
}

module.exports = { MemoryStore, estimateSize };
