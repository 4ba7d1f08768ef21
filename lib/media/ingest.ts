/**
 * Runs a file through the pipeline and stores what it produces, returning the columns of its Media row. For code
 * that makes Media rows outside an upload, such as the demo seed (uploads go through lib/data/media/changes.ts, which also
 * checks permissions, deduplicates and audits).
 */
import { processImage } from "./pipeline";
import type { MediaStorage } from "./storage";

export async function ingestImageFile(bytes: Buffer, storage: MediaStorage, options: { focal?: { x: number; y: number } } = {}) {
  const processed = await processImage(bytes, options);
  await Promise.all(processed.files.map((file) => storage.put(file.key, file.body, file.contentType)));
  return {
    hash: processed.hash,
    storageKey: processed.storageKey,
    mimeType: processed.mimeType,
    bytes: processed.bytes,
    width: processed.width,
    height: processed.height,
    variants: processed.variants,
  };
}
